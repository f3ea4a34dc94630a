//! A saved HTML page as the text a reader sees of its article: the text the importer reads.
//!
//! Only the main content is kept (`<main>`, else `<article>`, else the body); navigation,
//! headers, footers, cookie notices, forms and "Till toppen" links are dropped. Headings and
//! paragraphs become blocks separated by blank lines, list items become bullet lines ("• …",
//! or "1. …" in numbered lists), indented by their depth, so the structure survives.

use super::lexicon::{SKIPPED_LINK_TEXTS, SKIPPED_MARKS};
use scraper::{ElementRef, Html, Node, Selector};

use super::page::{ActivityColumns, Builder, Document, Item};

/// Whether a file's text is an HTML page rather than a page's text copied from a browser.
pub fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<?xml") && start.contains("<html")
        || start.starts_with('<')
            && ["<head", "<body", "<main", "<div", "<p>", "<h1"]
                .iter()
                .any(|tag| start.contains(tag))
}

/// The article of an HTML page as a document: its headings, paragraphs, lists and tables
/// read from the elements themselves.
pub fn document(html: &str) -> Document {
    let parsed = Html::parse_document(html);
    let mut writer = Writer::default();
    if let Some(root) = main_content(&parsed) {
        writer.element(root, 0);
    }
    writer.end_block();
    writer.builder.finish()
}

/// The article's text, in the shape of a page's text as copied from a browser.
pub fn page_text(html: &str) -> String {
    document(html).to_text()
}

/// The element that holds the article: the page's `<main>`, else its only `<article>`, else
/// the body. Several articles (a news list) are all content, so the body is read then.
fn main_content(document: &Html) -> Option<ElementRef<'_>> {
    let first = |selector: &str| {
        let selector = Selector::parse(selector).expect("a valid selector");
        document.select(&selector).collect::<Vec<_>>()
    };
    let mains = first("main, [role=main]");
    if let Some(main) = mains.first() {
        return Some(*main);
    }
    let articles = first("article");
    if let [article] = articles.as_slice() {
        return Some(*article);
    }
    first("body")
        .first()
        .copied()
        .or_else(|| Some(document.root_element()))
}

/// Elements that are never the article's text.
const SKIPPED_TAGS: [&str; 16] = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "svg", "iframe", "dialog", "select", "head", "img",
];

/// Roles of the site around an article.
const SKIPPED_ROLES: [&str; 6] = [
    "navigation",
    "banner",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
];

/// Whether an element stands inside the article rather than around it: an article's own
/// header holds its title, and an accordion's button its section heading.
fn is_within(element: ElementRef<'_>, tags: &[&str]) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| tags.contains(&a.value().name()))
}

fn is_skipped(element: ElementRef<'_>) -> bool {
    let value = element.value();
    let tag = value.name();
    let kept_here = match tag {
        "header" => is_within(element, &["main", "article"]),
        "button" => is_within(element, &["h1", "h2", "h3", "h4", "h5", "h6", "summary"]),
        _ => false,
    };
    if (SKIPPED_TAGS.contains(&tag) && !kept_here) || value.attr("hidden").is_some() {
        return true;
    }
    if value.attr("aria-hidden") == Some("true")
        || value
            .attr("role")
            .is_some_and(|role| SKIPPED_ROLES.contains(&role))
    {
        return true;
    }
    let marks = format!(
        "{} {}",
        value.attr("id").unwrap_or_default(),
        value.attr("class").unwrap_or_default()
    )
    .to_lowercase();
    if SKIPPED_MARKS.iter().any(|mark| marks.contains(mark)) {
        return true;
    }
    if tag == "a" || tag == "p" {
        let text = collapse(&element.text().collect::<String>()).to_lowercase();
        return SKIPPED_LINK_TEXTS.contains(&text.trim_end_matches(['↑', ' ']));
    }
    false
}

/// Tags whose content is a block of its own.
const BLOCK_TAGS: [&str; 24] = [
    "p",
    "details",
    "summary",
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "address",
];

/// Marks the gap between table cells until a block's lines are written, where it becomes
/// the run of spaces a browser's copied text has between columns.
const CELL_GAP: char = '\u{1f}';

/// The document being read, element by element.
#[derive(Default)]
struct Writer {
    builder: Builder,
    /// The inline text of the block being read.
    line: String,
    /// How many elements deep the walk is: past `MAX_NESTING` a subtree is read as plain
    /// text, so a page of thousands of nested tags cannot exhaust the stack.
    nesting: usize,
}

/// Deeper than any real page's article nests its lists and sections.
const MAX_NESTING: usize = 200;

impl Writer {
    fn element(&mut self, element: ElementRef<'_>, depth: usize) {
        if is_skipped(element) {
            return;
        }
        if self.nesting >= MAX_NESTING {
            return self.text(&element.text().collect::<String>());
        }
        self.nesting += 1;
        self.element_within(element, depth);
        self.nesting -= 1;
    }

    fn element_within(&mut self, element: ElementRef<'_>, depth: usize) {
        let tag = element.value().name();
        match tag {
            "br" => self.line.push('\n'),
            "ul" | "ol" => self.list(element, depth, tag == "ol"),
            "table" if self.activity_table(element) => {}
            "td" | "th" => {
                // Cells of a row side by side, as a browser shows them (signatures in a table).
                self.children(element, depth);
                self.line.push(CELL_GAP);
            }
            _ if BLOCK_TAGS.contains(&tag) || tag == "li" => {
                self.end_block();
                self.children(element, depth);
                self.end_block();
            }
            _ => self.children(element, depth),
        }
    }

    /// A text node: its line breaks are only the HTML source's, so they are spaces; line
    /// breaks a reader sees come from `<br>` and blocks.
    /// Runs of non-breaking spaces are how pages lay signatures side by side
    /// ("Harry Lundin&nbsp;&nbsp;&nbsp;Mats Scherp"), so they stay a gap between columns.
    fn text(&mut self, text: &str) {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{a0}' && chars.peek().is_some_and(|n| *n == '\u{a0}') {
                while chars.next_if(|n| n.is_whitespace()).is_some() {}
                self.line.push(CELL_GAP);
            } else {
                self.line.push(if c.is_whitespace() { ' ' } else { c });
            }
        }
    }

    fn children(&mut self, element: ElementRef<'_>, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// A list's items, each followed by the list nested in it, one level deeper.
    fn list(&mut self, list: ElementRef<'_>, depth: usize, numbered: bool) {
        self.end_block();
        let items = list
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|child| child.value().name() == "li" && !is_skipped(*child));
        for item in items {
            let mut inner = Writer {
                nesting: self.nesting,
                ..Writer::default()
            };
            let mut nested = Vec::new();
            for child in item.children() {
                match (child.value(), ElementRef::wrap(child)) {
                    (Node::Text(text), _) => inner.text(text),
                    (_, Some(child)) if matches!(child.value().name(), "ul" | "ol") => {
                        nested.push(child)
                    }
                    // Paragraphs inside an item are still the item's one text.
                    (_, Some(child)) => inner.children_inline(child),
                    _ => {}
                }
            }
            // A line break inside an item ("… busstationen.<br>Ansvarig: Polisen") is a
            // line under it, read as a page's text reads it.
            let lines: Vec<String> = inner
                .line
                .split('\n')
                .map(collapse)
                .filter(|l| !l.is_empty())
                .collect();
            if let Some((text, more)) = lines.split_first() {
                self.builder.item(Item {
                    text: text.clone(),
                    indent: 2 * (depth + 1),
                    numbered,
                    ..Item::default()
                });
                for line in more {
                    self.builder.text_line(line);
                }
            }
            for list in nested {
                self.element(list, depth + 1);
            }
        }
        if depth == 0 {
            self.builder.blank();
        }
    }

    /// A table of activities ("Aktivitet | Ansvarig | När") as the list it is: each row's
    /// activity an item, with who is responsible for it. False, and nothing read, when
    /// the table is not one.
    fn activity_table(&mut self, table: ElementRef<'_>) -> bool {
        let rows: Vec<Vec<String>> = table
            .select(&Selector::parse("tr").expect("a valid selector"))
            .map(|row| {
                row.children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|c| collapse(&c.text().collect::<String>()))
                    .collect()
            })
            .collect();
        let Some((header, body)) = rows.split_first() else {
            return false;
        };
        let Some(columns) = ActivityColumns::of_header(header) else {
            return false;
        };
        self.end_block();
        for item in body.iter().filter_map(|row| columns.item(row)) {
            self.builder.item(Item { indent: 2, ..item });
        }
        self.builder.blank();
        true
    }

    /// An element's text run into the current line, whatever its tag.
    fn children_inline(&mut self, element: ElementRef<'_>) {
        if is_skipped(element) {
            return;
        }
        if matches!(element.value().name(), "ul" | "ol") {
            return;
        }
        if self.nesting >= MAX_NESTING {
            return self.text(&element.text().collect::<String>());
        }
        self.nesting += 1;
        match element.value().name() {
            "br" => self.line.push('\n'),
            "p" | "div" if !self.line.trim().is_empty() => self.line.push('\n'),
            _ => {}
        }
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.children_inline(child);
                    }
                }
                _ => {}
            }
        }
        self.nesting -= 1;
    }

    /// Ends the block being read: its lines (split at `<br>`, cells of a row apart by the
    /// gap a browser's copy has between columns), then the block's end.
    fn end_block(&mut self) {
        let line = std::mem::take(&mut self.line);
        for l in line.split('\n') {
            let cells: Vec<String> = l.split(CELL_GAP).map(collapse).collect();
            let l = cells
                .into_iter()
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join("        ");
            if !l.is_empty() {
                self.builder.text_line(&l);
            }
        }
        self.builder.blank();
    }
}

/// Runs of whitespace (HTML's line breaks and indentation, non-breaking spaces) as one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_keeps_its_headings_and_lists_and_loses_the_site() {
        let html = r##"<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>
            <body><div id="cookie-banner"><p>Vi använder kakor.</p><button>OK</button></div>
            <header><nav><ul><li><a href="/">Start</a></li></ul></nav></header>
            <main><h1>Medborgarlöfte 2024</h1>
            <p>Polisen och kommunen
               lovar att:</p>
            <ul><li>Genomföra&nbsp;trygghetsvandringar
                <ul><li>Polisen ansvarar</li></ul></li>
                <li><p>Hålla dialoger</p></li></ul>
            <ol><li>Ett</li><li>Två</li></ol>
            <p>Anna Ek<br>Kommunchef</p>
            <p><a href="#top">Till toppen</a></p></main>
            <footer><p>Kontakt</p></footer></body></html>"##;
        assert!(looks_like_html(html));
        assert_eq!(
            page_text(html),
            "Medborgarlöfte 2024\n\nPolisen och kommunen lovar att:\n\n  • Genomföra trygghetsvandringar\n    • Polisen ansvarar\n  • Hålla dialoger\n  1. Ett\n  2. Två\n\nAnna Ek\nKommunchef\n"
        );
    }

    #[test]
    fn lines_inside_items_and_table_cells_keep_apart() {
        let html = "<main><ul><li>Rusta upp parken.<br>Ansvarig: Kommunen</li></ul>\
            <table><tr><td>Sara Nyberg</td><td>Lars Holm</td></tr></table></main>";
        assert_eq!(
            page_text(html),
            "  • Rusta upp parken.\n    Ansvarig: Kommunen\n\nSara Nyberg        Lars Holm\n"
        );
    }

    #[test]
    fn an_article_header_accordions_and_spaced_signatures_are_kept() {
        let html = "<header><p>Webbplatsens namn</p></header><main><article>\
            <header><h1>Hjo – medborgarlöften</h1></header>\
            <h2><button aria-expanded=\"false\">Polisen lovar</button></h2>\
            <details><summary>Aktiviteter</summary><p>Text.</p></details>\
            <p>Anna Ek&nbsp;&nbsp;&nbsp;&nbsp;Per Ek</p></article></main>";
        assert_eq!(
            page_text(html),
            "Hjo – medborgarlöften\n\nPolisen lovar\n\nAktiviteter\n\nText.\n\nAnna Ek        Per Ek\n"
        );
    }

    #[test]
    fn a_table_of_activities_is_a_list_with_who_is_responsible() {
        let html = "<main><h2>Aktiviteter</h2><table>\
            <tr><th>Aktivitet</th><th>Ansvarig</th><th>När</th></tr>\
            <tr><td>Genomföra trygghetsvandringar.</td><td>Kommunen</td><td>Våren</td></tr>\
            <tr><td>Hålla dialogmöten.</td><td>Polisen och kommunen</td><td></td></tr>\
            </table></main>";
        assert_eq!(
            page_text(html),
            "Aktiviteter\n\n  • Genomföra trygghetsvandringar.\n    Ansvarig: Kommunen\n  • Hålla dialogmöten.\n    Ansvarig: Polisen och kommunen\n"
        );
    }

    #[test]
    fn text_is_not_html() {
        assert!(!looks_like_html(
            "Medborgarlöfte 2020\n\n • Polisen ska <b>"
        ));
        assert!(looks_like_html("\u{feff}  <!doctype HTML><p>x"));
    }
}
