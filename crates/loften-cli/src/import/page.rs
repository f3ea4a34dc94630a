//! A page's text as blocks: headings, paragraphs and list items, without the web site's
//! chrome around the article.

use super::lexicon::{
    ACTIVITY_COLUMN, CHROME, CHROME_LINES, COMMENT_LABELS, COUNT_LABELS, END_OF_ARTICLE,
    RESPONSIBLE_COLUMN, RESPONSIBLE_LABELS, RESPONSIBLE_LABEL_START, STATUS_LABELS,
};

/// One block of a page, lines trimmed.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A short line on its own: a heading, a date, a report's title.
    Heading(String),
    /// Lines of running text (or a name and a role under a signature).
    Paragraph(Vec<String>),
    /// A list item without its bullet; lines it wraps onto are joined. `dashed` when the
    /// bullet was a dash, which Swedish pages also use to quote someone ("- Jag är glad …").
    Item(Item),
}

/// A list item and what its lines say around its text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub text: String,
    pub dashed: bool,
    /// Spaces before its bullet: a sub-item is indented more than its parent.
    pub indent: usize,
    /// "1. …", "2) …": numbered lists hold promises whose sub-items are their activities.
    pub numbered: bool,
    /// Who is responsible, from a line of its own under the item ("Ansvarig: Polisen").
    pub responsible: Option<String>,
    /// What a follow-up report says of it, each under its label as the page writes it: a
    /// table's "Status" or "Kommentar" cell, or a line "Status: Pågår" under the item.
    pub labelled: Vec<Labelled>,
}

/// A value a page gives under a label of a follow-up report: "Status: Pågår", a table's
/// "Kommentar" cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    /// The label as the page writes it ("Status", "Genomfört").
    pub label: String,
    pub value: String,
}

/// A line "Status: Pågår" or "Kommentar: …": a label of a follow-up report, and the value
/// after it.
pub fn labelled_line(line: &str) -> Option<Labelled> {
    let (label, value) = line.split_once(':')?;
    let (label, value) = (label.trim(), value.trim());
    (is_follow_up_label(label) && !value.is_empty()).then(|| Labelled {
        label: label.to_string(),
        value: value.to_string(),
    })
}

/// Whether a table's header cell or a line's label is one a follow-up report gives its
/// statuses, counts and comments under: "Status", "Kommentar", "Antal".
pub fn is_follow_up_label(label: &str) -> bool {
    let label = loften_core::text::lowercase(label.trim());
    [&STATUS_LABELS[..], &COUNT_LABELS, &COMMENT_LABELS]
        .iter()
        .any(|labels| labels.contains(&label.as_str()))
}

/// Where a table of activities ("Aktivitet | Ansvarig | När") keeps what: a browser's
/// copy gives its rows as lines of tab-separated cells, a saved page as `<tr>`s.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityColumns {
    activity: usize,
    responsible: Option<usize>,
    /// The columns of a follow-up report's table ("Status", "Kommentar"), with their headers.
    labelled: Vec<(usize, String)>,
}

impl ActivityColumns {
    /// The columns a header row names, when it names an activity column.
    pub fn of_header<S: AsRef<str>>(header: &[S]) -> Option<ActivityColumns> {
        let column = |cues: &[&str]| {
            header.iter().position(|h| {
                let h = h.as_ref().to_lowercase();
                cues.iter().any(|c| h.starts_with(c))
            })
        };
        let labelled = header
            .iter()
            .enumerate()
            .filter(|(_, h)| is_follow_up_label(h.as_ref()))
            .map(|(i, h)| (i, h.as_ref().trim().to_string()))
            .collect();
        Some(ActivityColumns {
            activity: column(&ACTIVITY_COLUMN)?,
            responsible: column(&RESPONSIBLE_COLUMN),
            labelled,
        })
    }

    /// A row as a list item, with who is responsible for it and what a follow-up report's
    /// columns say of it.
    pub fn item<S: AsRef<str>>(&self, row: &[S]) -> Option<Item> {
        let cell = |i: usize| {
            row.get(i)
                .map(|c| c.as_ref().trim().to_string())
                .filter(|c| !c.is_empty())
        };
        let text = cell(self.activity)?;
        let labelled = self
            .labelled
            .iter()
            .filter_map(|(i, label)| {
                cell(*i).map(|value| Labelled {
                    label: label.clone(),
                    value,
                })
            })
            .collect();
        Some(Item {
            text,
            responsible: self.responsible.and_then(cell),
            labelled,
            ..Item::default()
        })
    }
}

fn is_chrome(line: &str) -> bool {
    starts_with_any(line, &CHROME)
        || CHROME_LINES.contains(&loften_core::text::lowercase(line).as_str())
}

fn starts_with_any(line: &str, starts: &[&str]) -> bool {
    let lower = loften_core::text::lowercase(line);
    starts.iter().any(|s| lower.starts_with(s))
}

/// A line under an item naming who is responsible for it: "Ansvarig: Polisen",
/// "Ansvariga: Kommunen och polisen". The names after the colon.
fn responsibility(line: &str) -> Option<&str> {
    let (label, names) = line.split_once(':')?;
    let label = label.trim().to_lowercase();
    let is_label =
        label.starts_with(RESPONSIBLE_LABEL_START) || RESPONSIBLE_LABELS.contains(&label.as_str());
    (is_label && label.split_whitespace().count() <= 2 && !names.trim().is_empty())
        .then(|| names.trim())
}

/// The text of a list item when the line is one ("• …", "- …", "1. …"), and whether its
/// bullet was a dash.
fn strip_bullet(line: &str) -> Option<(&str, bool)> {
    let trimmed = line.trim_start();
    let mut chars = trimmed.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    if "•·▪◦●○■□►▸➢✓✔*".contains(first) {
        return Some((rest.trim(), false));
    }
    // A dash needs a space after it, so "-15 grader" or "–" inside text is not a bullet.
    if "-–—".contains(first) && rest.starts_with(char::is_whitespace) {
        return Some((rest.trim(), true));
    }
    numbered_item(trimmed).map(|text| (text, false))
}

/// "1. Skapa …" or "2) Arbeta …": a numbered list item of at most two digits.
fn numbered_item(line: &str) -> Option<&str> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = &line[digits..];
    let after_mark = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    after_mark
        .starts_with(char::is_whitespace)
        .then(|| after_mark.trim())
}

/// A paragraph of one short line without closing punctuation reads as a heading.
fn is_heading_like(lines: &[String]) -> bool {
    let [line] = lines else { return false };
    is_heading_line(line)
}

/// A short line without closing punctuation: "Vad är ett medborgarlöfte?", "Uppföljning".
pub fn is_heading_line(line: &str) -> bool {
    let ends_like_text = line.ends_with(['.', ',', ';', ':']);
    line.chars().count() <= 100 && line.split_whitespace().count() <= 14 && !ends_like_text
}

/// A page as the importer reads it: its article's headings, paragraphs and list items in
/// order, without the site around it. A page's text and a saved HTML page both become one;
/// everything after this step reads only the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    /// The document a page's text (as copied from a browser) holds.
    pub fn from_text(text: &str) -> Document {
        Document {
            blocks: blocks(text),
        }
    }

    /// The document written out as a browser's copied text would have it: blocks apart by
    /// blank lines, items as bullet lines. Reading it again gives the same document.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut in_list = false;
        // Each indent's number in a numbered list, as long as the list goes on.
        let mut numbers: Vec<(usize, usize)> = Vec::new();
        for block in &self.blocks {
            if let Block::Item(item) = block {
                numbers.retain(|&(indent, _)| indent <= item.indent);
                let continued = numbers.last().is_some_and(|&(i, _)| i == item.indent);
                match (item.numbered, continued) {
                    (true, true) => numbers.last_mut().iter_mut().for_each(|n| n.1 += 1),
                    (true, false) => numbers.push((item.indent, 1)),
                    (false, true) => {
                        numbers.pop();
                    }
                    (false, false) => {}
                }
            } else {
                numbers.clear();
            }
            let is_item = matches!(block, Block::Item(_));
            let continues_list = in_list && is_item;
            if !out.is_empty() && !continues_list {
                out.push('\n');
            }
            in_list = is_item;
            match block {
                Block::Heading(text) => out.push_str(&format!("{text}\n")),
                Block::Paragraph(lines) => {
                    for line in lines {
                        out.push_str(&format!("{line}\n"));
                    }
                }
                Block::Item(item) => {
                    let marker = match (item.numbered, item.dashed) {
                        (true, _) => format!("{}.", numbers.last().map_or(1, |n| n.1)),
                        (false, true) => "-".to_string(),
                        (false, false) => "•".to_string(),
                    };
                    let indent = " ".repeat(item.indent);
                    out.push_str(&format!("{indent}{marker} {}\n", item.text));
                    if let Some(who) = &item.responsible {
                        out.push_str(&format!("{indent}  Ansvarig: {who}\n"));
                    }
                    for Labelled { label, value } in &item.labelled {
                        out.push_str(&format!("{indent}  {label}: {value}\n"));
                    }
                }
            }
        }
        out
    }
}

/// Collects a document's blocks as a page's lines or an HTML page's elements come.
#[derive(Default)]
pub struct Builder {
    blocks: Vec<Block>,
    lines: Vec<String>,
    /// The last line was a list item, so a lower-case line right after it continues it.
    in_item: bool,
    /// The article has ended ("Till toppen"): what follows is the site's footer.
    ended: bool,
}

impl Builder {
    fn end_paragraph(&mut self) {
        if self.lines.is_empty() {
            return;
        }
        let lines = std::mem::take(&mut self.lines);
        self.blocks.push(if is_heading_like(&lines) {
            Block::Heading(lines[0].clone())
        } else {
            Block::Paragraph(lines)
        });
    }

    /// The end of a block: a blank line, or the end of an HTML element that is one.
    pub fn blank(&mut self) {
        self.end_paragraph();
        self.in_item = false;
    }

    /// A list item, from a bullet line or an `<li>`.
    pub fn item(&mut self, item: Item) {
        if self.ended {
            return;
        }
        self.end_paragraph();
        self.in_item = !item.text.is_empty();
        if self.in_item {
            self.blocks.push(Block::Item(item));
        }
    }

    /// A line of text as a reader sees it, trimmed or not: the site's chrome is dropped, a
    /// line that begins with a bullet is an item (pages also type their bullets), a
    /// lower-case line under an item continues it, "Ansvarig: …" under an item says who
    /// is responsible for it, and "Status: …" what a follow-up report says of it.
    pub fn text_line(&mut self, raw: &str) {
        let line = raw.trim();
        if self.ended || starts_with_any(line, &END_OF_ARTICLE) {
            self.ended = true;
            return;
        }
        if line.is_empty() || is_chrome(line) {
            return self.blank();
        }
        if let Some((text, dashed)) = strip_bullet(line) {
            let indent = raw.len() - raw.trim_start().len();
            return self.item(Item {
                text: text.to_string(),
                dashed,
                indent,
                numbered: numbered_item(line).is_some(),
                ..Item::default()
            });
        }
        self.line(line);
    }

    fn line(&mut self, line: &str) {
        let continues_item = self.in_item && line.starts_with(|c: char| c.is_lowercase());
        if let (true, Some(Block::Item(item))) = (continues_item, self.blocks.last_mut()) {
            item.text.push(' ');
            item.text.push_str(line);
            return;
        }
        if let (true, Some(names), Some(Block::Item(item))) =
            (self.in_item, responsibility(line), self.blocks.last_mut())
        {
            item.responsible = Some(names.to_string());
            return;
        }
        if let (true, Some(labelled), Some(Block::Item(item))) =
            (self.in_item, labelled_line(line), self.blocks.last_mut())
        {
            item.labelled.push(labelled);
            return;
        }
        self.in_item = false;
        self.lines.push(line.to_string());
    }

    pub fn finish(mut self) -> Document {
        self.end_paragraph();
        Document {
            blocks: self.blocks,
        }
    }
}

/// The article's blocks, in order, from a page's text.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    // The columns of a table of activities being read, from its header row.
    let mut table: Option<ActivityColumns> = None;
    for raw in text.lines() {
        if builder.ended {
            break;
        }
        let cells: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if cells.len() < 2 {
            table = None;
        } else if let Some(columns) = &table {
            if let Some(item) = columns.item(&cells) {
                builder.item(item);
            }
            continue;
        } else if let Some(columns) = ActivityColumns::of_header(&cells) {
            builder.blank();
            table = Some(columns);
            continue;
        }
        builder.text_line(raw);
    }
    builder.finish().blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_items_are_told_apart() {
        let page = "Sök\nSök på polisen.se\n\nMedborgarlöfte 2020\n\n • Arbeta mot\n droger\n -  Skapa trygghet\n\nEn mening som\nbryts.\n\nTill toppen\nSidfot";
        assert_eq!(
            blocks(page),
            [
                Block::Heading("Medborgarlöfte 2020".into()),
                Block::Item(Item {
                    text: "Arbeta mot droger".into(),
                    indent: 1,
                    ..Item::default()
                }),
                Block::Item(Item {
                    text: "Skapa trygghet".into(),
                    dashed: true,
                    indent: 1,
                    ..Item::default()
                }),
                Block::Paragraph(vec!["En mening som".into(), "bryts.".into()]),
            ]
        );
    }

    #[test]
    fn sub_items_keep_their_indent_and_items_their_responsible() {
        let page = "1. Polisen ska synas\n   • Patrullera\n     Ansvarig: Polisen\n2. Kommunen ska";
        let blocks = blocks(page);
        let items: Vec<(usize, bool, Option<&str>)> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Item(i) => Some((i.indent, i.numbered, i.responsible.as_deref())),
                _ => None,
            })
            .collect();
        assert_eq!(
            items,
            [
                (0, true, None),
                (3, false, Some("Polisen")),
                (0, true, None)
            ]
        );
    }

    #[test]
    fn a_copied_table_of_activities_is_a_list() {
        let page = "Aktiviteter\n\nAktivitet\tAnsvarig\tNär\nHålla dialogmöten.\tPolisen\tVåren\n\nUppföljning";
        let items: Vec<(String, Option<String>)> = blocks(page)
            .into_iter()
            .filter_map(|b| match b {
                Block::Item(i) => Some((i.text, i.responsible)),
                _ => None,
            })
            .collect();
        assert_eq!(
            items,
            [(
                "Hålla dialogmöten.".to_string(),
                Some("Polisen".to_string())
            )]
        );
    }

    #[test]
    fn a_follow_up_table_keeps_its_status_and_comment_cells_through_its_text() {
        let page = "Aktivitet\tStatus\tKommentar\tKlart\n\
            Hundsök i skolor\tPågår\tSex av åtta skolor.\tVåren\n\
            Fotpatrullering\tGenomförd\t\t\n";
        let document = Document::from_text(page);
        let labelled: Vec<Vec<(String, String)>> = document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Item(i) => Some(
                    i.labelled
                        .iter()
                        .map(|l| (l.label.clone(), l.value.clone()))
                        .collect(),
                ),
                _ => None,
            })
            .collect();
        let cell = |l: &str, v: &str| (l.to_string(), v.to_string());
        // "Klart" (when) is no follow-up column; an empty cell says nothing.
        assert_eq!(
            labelled,
            [
                vec![
                    cell("Status", "Pågår"),
                    cell("Kommentar", "Sex av åtta skolor.")
                ],
                vec![cell("Status", "Genomförd")],
            ]
        );
        assert_eq!(Document::from_text(&document.to_text()), document);
    }

    #[test]
    fn dashes_inside_text_and_dates_are_not_bullets() {
        assert_eq!(strip_bullet("- Jag är glad"), Some(("Jag är glad", true)));
        assert_eq!(strip_bullet("2017-02-15"), None);
        assert_eq!(strip_bullet("-15 grader"), None);
        assert_eq!(strip_bullet("1. Skapa"), Some(("Skapa", false)));
    }
}
