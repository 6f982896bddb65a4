//! Why this module exists: `--jsonl` batch mode. One input line becomes one output object with
//! `id` first; a bad line becomes an error object for that id and never stops the run.

use crate::{MAX_MESSAGE_BYTES, Message, analyze};
use serde_json::{Map, Value, json};

fn error(id: Value, msg: &str) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), id);
    m.insert("error".into(), Value::String(msg.to_string()));
    Value::Object(m)
}

fn opt_str(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("\"{key}\" must be a string")),
    }
}

fn str_list(obj: &Map<String, Value>, key: &str) -> Vec<String> {
    match obj.get(key) {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .take(256)
            .collect(),
        _ => Vec::new(),
    }
}

/// Analyses one JSONL line `{"id", "text", "subject"?, "from"?, "reply_to"?}`.
pub fn analyze_jsonl_line(line: &str) -> Value {
    let limit = MAX_MESSAGE_BYTES * 2 + 64 * 1024;
    if line.len() > limit {
        return error(
            Value::Null,
            &format!(
                "line too large: {} bytes, the limit is {limit} bytes",
                line.len()
            ),
        );
    }
    let v: Value = match serde_json::from_str(line.trim()) {
        Ok(v) => v,
        Err(e) => return error(Value::Null, &format!("invalid JSON: {e}")),
    };
    let Value::Object(obj) = v else {
        return error(Value::Null, "each line must be a JSON object");
    };
    let id = obj.get("id").cloned().unwrap_or(Value::Null);
    let text = match obj.get("text") {
        None | Some(Value::Null) => return error(id, "missing \"text\" field"),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return error(id, "\"text\" must be a string"),
    };
    if text.len() > MAX_MESSAGE_BYTES {
        return error(
            id,
            &format!(
                "message too large: {} bytes, the limit is {MAX_MESSAGE_BYTES} bytes",
                text.len()
            ),
        );
    }
    let (subject, from, reply_to) = match (
        opt_str(&obj, "subject"),
        opt_str(&obj, "from"),
        opt_str(&obj, "reply_to"),
    ) {
        (Ok(s), Ok(f), Ok(r)) => (s, f, r),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return error(id, &e),
    };
    let msg = Message {
        text,
        subject,
        from,
        reply_to,
        links: str_list(&obj, "links"),
        attachments: str_list(&obj, "attachments"),
    };
    let analysis = analyze(&msg);
    let mut out = Map::new();
    out.insert("id".into(), id);
    match serde_json::to_value(&analysis) {
        Ok(Value::Object(m)) => {
            for (k, v) in m {
                out.insert(k, v);
            }
            Value::Object(out)
        }
        _ => {
            json!({"id": out.get("id").cloned().unwrap_or(Value::Null), "error": "internal error: analysis not serialisable"})
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_line_has_id_first() {
        let v = analyze_jsonl_line(
            r#"{"id": 7, "text": "Need 1000 pcs 100W LED flood lights, IP65, CE, FOB Ningbo, to Germany, lead time?"}"#,
        );
        let s = v.to_string();
        assert!(s.starts_with("{\"id\":7,\"language\""), "{s}");
        assert_eq!(v["completeness"]["grade"], "high");
        assert_eq!(v["facts"]["quantity"], 1000);
    }

    #[test]
    fn bad_lines() {
        assert_eq!(analyze_jsonl_line("{oops")["id"], Value::Null);
        assert!(
            analyze_jsonl_line("{oops")["error"]
                .as_str()
                .unwrap()
                .starts_with("invalid JSON")
        );
        assert_eq!(
            analyze_jsonl_line(r#"{"id":"a"}"#)["error"],
            "missing \"text\" field"
        );
        assert_eq!(
            analyze_jsonl_line(r#"{"id":"a","text":5}"#)["error"],
            "\"text\" must be a string"
        );
        assert_eq!(
            analyze_jsonl_line("[1,2]")["error"],
            "each line must be a JSON object"
        );
    }
}
