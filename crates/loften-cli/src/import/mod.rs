//! `loften import`: a published medborgarlöfte page → draft agreements.
//!
//! The pipeline, one module a step:
//!
//! 1. **Input** (`input`): a page's text, a saved HTML page or a web address, decoded.
//! 2. **Document** (`page::Document`): the article's headings, paragraphs and list items in
//!    order, without the site around it. HTML is read by its own elements (`html`: `h1`–`h6`,
//!    `p`, `ul`/`ol`/`li` with their nesting, tables of activities with their "Ansvarig"
//!    column); text by its lines (`page`: blank lines, bullets, indents, tab-separated
//!    rows). Both feed the same `page::Builder`, so a page gives the same document either way.
//! 3. **Sections** (`sections`): what each block is within an agreement (intro, situation,
//!    priorities, promises, activities, effect, follow-up, signatures), from the headings and
//!    lead-in sentences real pages use; and where a page holding several agreements splits.
//! 4. **Items** (`items`): each promise or activity's own words: who does it, with which
//!    partners, how often (a count and a `items::Unit`, which maps to `Cadence`).
//! 5. **Facts** (`facts`, `tags`): the agreement as a whole: kommuner, lokalpolisområde,
//!    period, signing date and signatories, follow-up cadence; topics and areas of each item.
//! 6. **Draft** (`draft`): an `Agreement` per segment, ids made unique. A page none of whose
//!    headings the importer knows still gives a draft when its title names a kommun and it
//!    lists things (`draft::unheaded`).
//! 7. **Review notes**: every step that was unsure says so in the draft's `review`, in
//!    Swedish and English, naming what to check.
//!
//! A follow-up report's page is read by the same first two steps, then by `report` into what
//! it says of each activity of an agreement (`loften followup draft`).
//!
//! Every word and phrase the steps look for in a page's wording is in `lexicon`, but for
//! the month names, which `loften_core::dates` holds. In place stay only single letters (a
//! definite ending's "t" or "n", a genitive "s"), dashes, HTML tag and attribute names, and
//! the words the importer writes (the units of `Frequency::per`, review notes). The importer
//! knows no particular page.
//! Texts of promises and activities are copied verbatim; what it is unsure of is not guessed
//! but noted, for the person who checks the draft before it joins `data/agreements/`.

mod draft;
mod facts;
pub mod html;
pub mod input;
mod items;
mod lexicon;
mod page;
pub mod report;
mod sections;
mod swedish;
mod tags;
mod words;

pub use page::Document;

use loften_core::model::{Agreement, Area, Kommun, Lan, Topic};
use loften_core::Dataset;
use serde::Serialize;

/// The reference data a draft is matched against: kommun and län names, topics, areas,
/// with the kommuner's names prepared once for the lookups every page makes.
#[derive(Debug, Clone)]
pub struct Reference {
    kommuner: Vec<Kommun>,
    lan: Vec<Lan>,
    topics: Vec<Topic>,
    areas: Vec<Area>,
    /// `kommun_names[i]` is `kommuner[i]`'s.
    kommun_names: Vec<facts::KommunName>,
}

impl Reference {
    pub fn new(
        kommuner: Vec<Kommun>,
        lan: Vec<Lan>,
        topics: Vec<Topic>,
        areas: Vec<Area>,
    ) -> Reference {
        let kommun_names = kommuner.iter().map(facts::KommunName::new).collect();
        Reference {
            kommuner,
            lan,
            topics,
            areas,
            kommun_names,
        }
    }

    pub fn from_dataset(data: &Dataset) -> Reference {
        Reference::new(
            data.kommuner.clone(),
            data.lan.clone(),
            data.topics.clone(),
            data.areas.clone(),
        )
    }

    pub fn kommuner(&self) -> &[Kommun] {
        &self.kommuner
    }

    pub fn lan(&self) -> &[Lan] {
        &self.lan
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    pub fn areas(&self) -> &[Area] {
        &self.areas
    }
}

/// A draft agreement: an agreement as the dataset holds it, plus what a person should check.
/// Only drafts carry `review`; the dataset's schema has no such field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    #[serde(flatten)]
    pub agreement: Agreement,
    /// Notes in Swedish and English ("svenska / English") on what the importer was unsure of.
    pub review: Vec<String>,
}

/// A review note in both languages.
fn note(sv: &str, en: &str) -> String {
    format!("{sv} / {en}")
}

/// The first 50 characters of a text, to quote it in a review note.
fn shorten(text: &str) -> String {
    let short: String = text.chars().take(50).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The draft agreements a page's text holds: one per agreement (a page may hold several
/// years), an announcement when the page reports a signing without the promises, and none
/// when it is about something else. Never panics, whatever the text.
pub fn import_page(text: &str, file_name: &str, reference: &Reference) -> Vec<Draft> {
    import_document(&Document::from_text(text), text, file_name, reference)
}

/// The drafts of a page already read into a document; `text` is the page as read, where
/// the site's own lines ("polisen.se") say who published it.
pub fn import_document(
    document: &Document,
    text: &str,
    file_name: &str,
    reference: &Reference,
) -> Vec<Draft> {
    let entries = sections::entries(&document.blocks);
    let page = draft::Page::new(text, &entries, file_name, reference);
    let mut taken = std::collections::HashSet::new();
    let drafts: Vec<Draft> = sections::segments(&entries)
        .iter()
        .filter_map(|segment| draft::draft(segment, &page, &mut taken))
        .collect();
    if drafts.is_empty() {
        return draft::unheaded(&entries, &page).into_iter().collect();
    }
    drafts
}

/// The drafts of a page read from a file or the web; a fetched page's drafts name its address.
pub fn import_input(input: &input::PageInput, reference: &Reference) -> Vec<Draft> {
    let mut drafts = import_document(&input.document, &input.text, &input.file_name, reference);
    for draft in &mut drafts {
        draft.agreement.source.url.clone_from(&input.url);
    }
    drafts
}

/// Pages are a few kilobytes; anything near this is not the text of one page.
pub const MAX_PAGE_BYTES: usize = 5 * 1024 * 1024;

/// A page file's bytes as text, or why they cannot be a page's text. Text that is not UTF-8
/// is read as Latin-1 (older Swedish pages), and the second value says so.
pub fn decode_page(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(format!(
            "the file is {} MB; a medborgarlöfte page's text is a few KB. Give the text of one page.",
            bytes.len() / (1024 * 1024)
        ));
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    if bytes.contains(&0) || controls * 20 > bytes.len() {
        return Err("the file looks binary (a PDF, an image, …), not text. Copy the page's text into a .txt file.".to_string());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(_) => Ok((
            bytes.iter().map(|&b| char::from(b)).collect(),
            Some("the file is not UTF-8; it was read as Latin-1".to_string()),
        )),
    }
}
