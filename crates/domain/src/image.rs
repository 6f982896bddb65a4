//! Uploaded images (the company logo, product photos): PNG or JPEG, told by their first bytes
//! rather than their file name, and of a bounded size.

use crate::error::Invalid;

/// The content type of a PNG or JPEG image of at most `max_bytes`.
pub fn image_type(bytes: &[u8], max_bytes: usize) -> Result<&'static str, Invalid> {
    let kind = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        return Err(Invalid::new("invalid_image", "a PNG or JPEG image"));
    };
    if bytes.len() > max_bytes {
        return Err(Invalid::new(
            "image_too_large",
            format!("at most {} KB", max_bytes / 1024),
        ));
    }
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_told_by_their_bytes_and_bounded() {
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\n....", 100), Ok("image/png"));
        assert_eq!(image_type(&[0xFF, 0xD8, 0xFF, 0xE0], 100), Ok("image/jpeg"));
        assert_eq!(
            image_type(b"GIF89a", 100).unwrap_err().code,
            "invalid_image"
        );
        let big = [&[0xFF, 0xD8, 0xFF][..], &[0u8; 2048][..]].concat();
        let e = image_type(&big, 1024).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            ("image_too_large", "at most 1 KB")
        );
    }
}
