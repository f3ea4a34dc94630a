//! Where a page comes from, as maintainers have it: its text in a file, the page saved as
//! HTML, or its web address. Each becomes the page's text, or a message that says why not.

use std::time::Duration;

use super::html;
use super::Document;

/// A page read from a file or the web, as text the importer reads.
#[derive(Debug, Clone, PartialEq)]
pub struct PageInput {
    /// The page as read: its text, or the text of a saved page's article.
    pub text: String,
    /// The page's headings, paragraphs and lists, which the drafts are made from.
    pub document: Document,
    /// The file's name, for the draft's `source.document`; empty for a web address.
    pub file_name: String,
    /// The page's address when it was fetched, for the draft's `source.url`.
    pub url: Option<String>,
    /// What the reader should know about how the page was read (its encoding).
    pub warnings: Vec<String>,
}

impl PageInput {
    /// The page a command-line argument names: a web address is fetched, anything else is a
    /// file.
    pub fn read(page: &str, timeout: Duration) -> Result<PageInput, String> {
        if is_web_address(page) {
            fetch(page, timeout)
        } else {
            read_file(std::path::Path::new(page))
        }
    }
}

/// Whether an argument is a web address rather than a file name.
pub fn is_web_address(page: &str) -> bool {
    let lower = page.trim().to_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A page file's bytes as the page's text and document: HTML is read by its elements and
/// reduced to its article, text by its lines.
pub fn from_bytes(
    bytes: &[u8],
    html_hint: bool,
) -> Result<(String, Document, Vec<String>), String> {
    let (text, warning) = super::decode_page(bytes)?;
    let (text, document) = if html_hint || html::looks_like_html(&text) {
        let document = html::document(&text);
        (document.to_text(), document)
    } else {
        let document = Document::from_text(&text);
        (text, document)
    };
    Ok((text, document, warning.into_iter().collect()))
}

/// A page file (text or saved HTML).
pub fn read_file(path: &std::path::Path) -> Result<PageInput, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let (text, document, warnings) =
        from_bytes(&bytes, false).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(PageInput {
        text,
        document,
        file_name: path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string(),
        url: None,
        warnings,
    })
}

/// A page fetched from its web address, given up after `timeout`.
pub fn fetch(url: &str, timeout: Duration) -> Result<PageInput, String> {
    let url = url.trim();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        // A 404 or 500 gets its own message below, with the status the server gave.
        .http_status_as_error(false)
        .user_agent("loften-import (Medborgarlöften dataset)")
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::Timeout(_) => format!(
            "{url}: no answer within {} seconds; try again later, or save the page and import the file",
            timeout.as_secs_f32()
        ),
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => {
            format!("{url}: not a web address that can be fetched ({e})")
        }
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => format!(
            "{url}: cannot reach the server ({e}); check the address and the network"
        ),
        other => format!("{url}: cannot fetch the page: {other}"),
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!(
            "{url}: the server answered {status}; check the address in a browser"
        ));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_lowercase();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(super::MAX_PAGE_BYTES as u64)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => format!(
                "{url}: the page is over {} MB; a medborgarlöfte page is a few KB",
                super::MAX_PAGE_BYTES / (1024 * 1024)
            ),
            other => format!("{url}: the page could not be read to its end: {other}"),
        })?;
    let (text, document, warnings) =
        from_bytes(&bytes, content_type.contains("html")).map_err(|e| format!("{url}: {e}"))?;
    Ok(PageInput {
        text,
        document,
        file_name: String::new(),
        url: Some(url.to_string()),
        warnings,
    })
}
