//! Why this module exists: cargo-fuzz entry point. Arbitrary bytes go through `parse_eml`,
//! `parse_mbox`, `message_from_text` + `analyze` and the JSONL reader; any panic is a bug.
//!
//! Run: `cargo +nightly fuzz run analyze_bytes -- -max_total_time=180` (from the worktree root).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    leadledger_inquiry::fuzz_entry(data);
});
