//! What each block of a page is within a medborgarlöfte (a promise, an activity, the
//! follow-up, …), read from the headings and lead-in sentences real pages use, and where a
//! page holding several agreements splits into one per agreement.

use super::lexicon::{
    ACTIVITY_CUES, AGREED, AND, ANNOUNCING, COMMITTING, DATE_ARTICLE, EFFECT_CUES, FOLLOW_UP_CUES,
    FOLLOW_UP_HEADING_CUES, GENERAL_INFO_CUES, KOMMUN_STEM, KOMMUN_TITLE_WORDS,
    NUMBERED_PROMISE_WORDS, OUR, POLICE_STEM, PRIORITY_CUES, PROMISE_HEADINGS,
    PROMISE_HEADING_OPENINGS, PROMISE_HEADING_OWNERS, PROMISE_STEM, PROMISING, ROLES, RUNS_WHEN,
    SITUATION_CUES,
};
use crate::import::swedish::{dates, year};
use loften_core::model::Signatory;
use loften_core::text::fold;

use super::page::{is_heading_line, Block, Item};
use super::words::{words_of, Word};

/// The part of an agreement a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The introduction before any other heading: the summary.
    Intro,
    /// "Situation", "Bakgrund", "Lägesbild".
    Situation,
    /// "Prioriterade områden".
    Priorities,
    /// "Medborgarlöfte", "Löften", "… följande gemensamma medborgarlöften:".
    Promises,
    /// "Aktiviteter", "Det här ska vi göra", "Löftena ska uppnås genom …".
    Activities,
    /// "Effekt", "Det här ska vi åstadkomma".
    Effect,
    /// "Uppföljning", "Utvärdering", "Följ med i hur det går!".
    FollowUp,
    /// General text that is no part of the agreement ("Vad är ett medborgarlöfte?").
    Other,
}

impl Section {
    /// Sections whose entries become promises or activities.
    pub fn is_list(self) -> bool {
        matches!(self, Section::Promises | Section::Activities)
    }
}

/// What a block is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A heading naming a medborgarlöfte and its year(s): where an agreement may begin.
    AgreementHeading,
    Heading,
    /// A date on a line of its own, as under signatures.
    Date,
    /// Running text of a section.
    Text,
    /// A sentence ending in ":" that opens a list; `before` is the section it interrupted.
    LeadIn {
        before: Section,
    },
    /// A list item.
    Item,
    /// A dash-led line outside lists: a quotation ("- Jag är glad …, säger …").
    Quote,
    /// A paragraph inside a promise or activity section: an item only where the section
    /// has no bullets (some pages write each promise as a paragraph).
    ListParagraph,
    /// A follow-up report's title.
    Report,
    /// Signatures: a name line over a role line, possibly several such pairs, or lines of
    /// "name, role, organisation".
    Signatures(Vec<Signatory>),
}

/// One block with what it is and the context it stands in.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub section: Section,
    pub text: String,
    /// Numbers the stretches between headings and lead-ins, to tell whether a list had bullets.
    pub run: usize,
    /// The heading or lead-in sentence that opened the list this entry is in.
    pub lead_in: Option<String>,
    /// A list item taken as a promise although no heading says so: the page's only list.
    pub unheaded: bool,
    /// Who a line under the item says is responsible for it.
    pub responsible: Option<String>,
}

/// What a heading announces.
#[derive(Debug, Clone, Copy, PartialEq)]
enum HeadingKind {
    /// "Medborgarlöfte 2020" (a list follows) or "Medborgarlöften i Eslöv 2017" (an intro follows).
    Agreement {
        list: bool,
    },
    Section(Section),
    Unknown,
}

/// A heading text folded, without closing punctuation and year numbers: what is compared.
fn bare(heading: &str) -> String {
    let folded = fold(heading);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && year(w).is_none())
        .collect();
    words.join(" ")
}

fn has_year(text: &str) -> bool {
    words_of(text).iter().any(|w| year(w.text).is_some())
}

/// "löfte", "löften", "medborgarlöftet", folded.
fn mentions_promises(folded: &str) -> bool {
    folded.contains(PROMISE_STEM)
}

/// "Medborgarlöfte", "Medborgarlöftet", "Löften", "Våra löften": a heading that is nothing
/// but the word for the promises, so the list of promises follows it.
fn is_bare_promise_heading(bare: &str) -> bool {
    let without_possessive = PROMISE_HEADING_OWNERS
        .iter()
        .find_map(|owner| bare.strip_prefix(owner))
        .unwrap_or(bare);
    PROMISE_HEADINGS.contains(&without_possessive)
        || PROMISE_HEADING_OPENINGS
            .iter()
            .any(|opening| bare.starts_with(opening))
}

fn classify_heading(heading: &str) -> HeadingKind {
    let bare = bare(heading);
    let follow_up = FOLLOW_UP_HEADING_CUES.iter().any(|c| bare.contains(c));
    if has_year(heading) && mentions_promises(&bare) && !follow_up {
        return HeadingKind::Agreement {
            list: is_bare_promise_heading(&bare),
        };
    }
    // Activity cues first: "Löftena ska uppnås genom följande aktiviteter" names both.
    let section = if ACTIVITY_CUES.matches(&bare) {
        Section::Activities
    } else if EFFECT_CUES.matches(&bare) {
        Section::Effect
    } else if FOLLOW_UP_CUES.matches(&bare) {
        Section::FollowUp
    } else if SITUATION_CUES.matches(&bare) {
        Section::Situation
    } else if PRIORITY_CUES.matches(&bare) {
        Section::Priorities
    } else if is_kommun_title(heading, &bare) && !heading.to_lowercase().starts_with(OUR) {
        // "Kalix – medborgarlöften": a page's title, or where one of a page's several
        // agreements begins. "Vara – …" names the kommun Vara, not "våra" (our) promises.
        return HeadingKind::Agreement { list: false };
    } else if is_bare_promise_heading(&bare) {
        Section::Promises
    } else if GENERAL_INFO_CUES.matches(&bare) {
        Section::Other
    } else {
        return HeadingKind::Unknown;
    };
    HeadingKind::Section(section)
}

/// "… har enats om följande aktiviteter för perioden 2023-2024.": a sentence that announces
/// the list after it, though it ends with a full stop.
fn announces_list(text: &str) -> bool {
    let bare = bare(text);
    bare.split(' ').any(|w| w == ANNOUNCING)
        && (ACTIVITY_CUES.matches(&bare) || mentions_promises(&bare))
}

/// "Kalix – medborgarlöften", "Upplands Väsby - medborgarlöfte": a place, a dash, the word.
fn is_kommun_title(heading: &str, bare: &str) -> bool {
    let words: Vec<&str> = bare.split(' ').collect();
    let dashed = [" – ", " - ", " — "].iter().any(|d| heading.contains(d));
    dashed
        && words.last().is_some_and(|w| KOMMUN_TITLE_WORDS.contains(w))
        && (2..=4).contains(&words.len())
}

/// Several sentences under a list's heading whose first promises nothing explain the list
/// ("Kommunen och polisen tar varje år fram en lägesbild. …"); an item written as a
/// paragraph is one sentence, or opens with its promise ("… lovar att genomföra …. Syftet …").
fn is_explanation(text: &str) -> bool {
    // "t.ex. polisen", "14 kap. 1 §": abbreviations and numbers do not end sentences.
    let first_end = text.match_indices(". ").map(|(i, _)| i).find(|&i| {
        let before = text[..i].rsplit(' ').next().unwrap_or_default();
        before.chars().count() > 3 && !before.chars().any(|c| c.is_ascii_digit())
    });
    let Some(first_end) = first_end else {
        return false;
    };
    !words_of(&text[..first_end])
        .iter()
        .any(|w| COMMITTING.contains(&w.lower.as_str()))
}

/// The promise a numbered promise heading states: "Löfte 1: Tryggare centrum",
/// "Löfte 2 – Färre inbrott", "Medborgarlöfte 3. Säkrare trafik".
fn numbered_promise(heading: &str) -> Option<&str> {
    let lower = heading.to_lowercase();
    let word = NUMBERED_PROMISE_WORDS
        .iter()
        .find(|w| lower.starts_with(*w))?;
    let rest = heading[word.len()..].trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let promise = rest[digits..]
        .trim_start()
        .strip_prefix([':', '.', '–', '-', '—'])?
        .trim();
    (!promise.is_empty()).then_some(promise)
}

/// Lines under a list's heading that say what the agreement is, not what it promises: that
/// it was made ("Heby kommun och polisen har kommit överens om …"), who makes it ("Sigtuna
/// kommun och polisen"), when it runs ("Gäller 1 januari 2025 till 31 december 2025"), or a
/// labelled part of it ("Prioriterade områden: narkotika …").
fn is_about_the_agreement(text: &str) -> bool {
    let lower = text.to_lowercase();
    let made = AGREED.iter().any(|a| lower.contains(a));
    let words = words_of(text);
    let is_party = |w: &Word| w.lower.contains(POLICE_STEM) || w.lower.starts_with(KOMMUN_STEM);
    let parties_only = words.len() <= 6
        && words.iter().any(is_party)
        && words
            .iter()
            .all(|w| w.text.starts_with(char::is_uppercase) || is_party(w) || w.is(AND));
    let runs_when = RUNS_WHEN.iter().any(|w| lower.starts_with(w))
        && (has_year(text) || !dates(text).is_empty());
    let labelled = text.split_once(':').is_some_and(|(label, value)| {
        let label = bare(label);
        !value.trim().is_empty()
            && (PRIORITY_CUES.matches(&label)
                || SITUATION_CUES.matches(&label)
                || EFFECT_CUES.matches(&label))
    });
    made || parties_only || runs_when || labelled
}

/// A heading that says who promises: "Polisen lovar", "Kommunen lovar", "Tillsammans lovar vi".
fn is_promising_heading(text: &str) -> bool {
    bare(text).split(' ').any(|w| w == PROMISING)
}

/// The section a sentence ending in ":" opens, if it says: "… följande aktiviteter:",
/// "… följande gemensamma medborgarlöften:". "Polisen och Vadstena kommun lovar att:"
/// opens the promises unless it stands in a list already ("Insatser" … "lovar polisen att:").
fn lead_in_section(text: &str, current: Section) -> Option<Section> {
    let bare = bare(text);
    let promises = bare.split(' ').any(|w| w == PROMISING) && !current.is_list();
    if ACTIVITY_CUES.matches(&bare) {
        Some(Section::Activities)
    } else if PRIORITY_CUES.matches(&bare) {
        Some(Section::Priorities)
    } else if mentions_promises(&bare) || promises {
        Some(Section::Promises)
    } else {
        None
    }
}

/// A line that is only a date, perhaps after the place of signing: "2017-02-15",
/// "Laxå den 26 oktober 2018", "Eslöv, 15 februari 2017".
fn is_date_line(text: &str) -> bool {
    let found = dates(text);
    let [date] = found.as_slice() else {
        return false;
    };
    let place = text[..date.start].trim().trim_end_matches(',');
    let place = place
        .strip_suffix(DATE_ARTICLE)
        .and_then(|p| p.strip_suffix(' '))
        .or_else(|| place.strip_prefix(DATE_ARTICLE).map(str::trim))
        .unwrap_or(place);
    date.year.is_some()
        && text[date.end..].trim().is_empty()
        && place.split_whitespace().count() <= 3
}

/// A person's name as signatures give it: two to four capitalized words ("Anna-Karin Boije").
pub fn is_name(line: &str) -> bool {
    let parts: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&parts.len()) && parts.iter().all(|p| is_name_word(p))
}

/// "Anna-Karin", "Boije": a capital, then lower-case letters; hyphenated parts alike.
pub fn is_name_word(word: &str) -> bool {
    word.split('-').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.clone().next().is_some()
            && chars.all(char::is_lowercase)
    })
}

/// Words of titles that sign medborgarlöften ("Lokalpolisområdeschef", "Kommunstyrelsens ordförande").
pub fn is_role(line: &str) -> bool {
    let lower = loften_core::text::lowercase(line);
    line.split_whitespace().count() <= 6
        && !line.ends_with('.')
        && ROLES.iter().any(|r| lower.contains(r))
}

/// Columns of a line laid out with runs of spaces or tabs: signatures side by side.
fn columns(line: &str) -> Vec<&str> {
    line.split('\t')
        .flat_map(|part| part.split("  "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// A line of names, one per column ("Harry Lundin      Mats Scherp").
fn is_names_line(line: &str) -> bool {
    let names = columns(line);
    !names.is_empty() && names.iter().all(|n| is_name(n))
}

fn signatory(name: &str, role: &str, organisation: Option<&str>) -> Signatory {
    Signatory {
        name: name.to_string(),
        role: Some(role.to_string()),
        organisation: organisation.map(str::to_string),
    }
}

/// Name and role pairs from a names line and the roles line under it.
fn names_and_roles(names: &str, roles: &str) -> Option<Vec<Signatory>> {
    let (names, roles) = (columns(names), columns(roles));
    let fits = !names.is_empty()
        && names.len() == roles.len()
        && names.iter().all(|n| is_name(n))
        && roles.iter().all(|r| is_role(r));
    fits.then(|| {
        names
            .iter()
            .zip(&roles)
            .map(|(n, r)| signatory(n, r, None))
            .collect()
    })
}

/// "Eva Lund, kommundirektör, Tranås kommun": a signature on one line.
fn named_line(line: &str) -> Option<Signatory> {
    let parts: Vec<&str> = line.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [name, role] | [name, role, _] if is_name(name) && is_role(role) => {
            let organisation = parts.get(2).filter(|o| !o.is_empty()).copied();
            let role = capitalize_first(role);
            Some(signatory(name, &role, organisation))
        }
        _ => None,
    }
}

fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The signatures when a paragraph is nothing else.
fn signature_pairs(lines: &[String]) -> Option<Vec<Signatory>> {
    if let Some(signatories) = lines
        .iter()
        .map(|l| named_line(l))
        .collect::<Option<Vec<_>>>()
    {
        return (!signatories.is_empty()).then_some(signatories);
    }
    if lines.is_empty() || lines.len() % 2 != 0 {
        return None;
    }
    let pairs: Option<Vec<Vec<Signatory>>> = lines
        .chunks(2)
        .map(|pair| names_and_roles(&pair[0], &pair[1]))
        .collect();
    pairs.map(|p| p.concat())
}

/// Walks the blocks, keeping track of the section and the list being read.
struct Walker {
    entries: Vec<Entry>,
    section: Section,
    run: usize,
    lead_in: Option<String>,
    bullets_in_run: bool,
    /// A line of names waiting for the line of roles that may follow it as its own block.
    pending_names: Option<String>,
    /// The numbered promise whose sub-items are being read.
    parent: Option<Parent>,
}

/// What a numbered promise interrupted, to go back to after its sub-items.
struct Parent {
    indent: usize,
    section: Section,
    lead_in: Option<String>,
}

impl Walker {
    fn push(&mut self, kind: Kind, text: String) {
        let lead_in = self.lead_in.clone();
        self.entries.push(Entry {
            kind,
            section: self.section,
            text,
            run: self.run,
            lead_in,
            unheaded: false,
            responsible: None,
        });
    }

    /// A names line not followed by roles was a heading after all.
    fn flush_names(&mut self) {
        if let Some(names) = self.pending_names.take() {
            self.classify_heading(&names);
        }
    }

    /// A heading or lead-in begins a new stretch of text.
    fn open(&mut self, section: Section, lead_in: Option<String>) {
        self.section = section;
        self.run += 1;
        self.bullets_in_run = false;
        self.lead_in = lead_in;
    }

    fn heading(&mut self, text: &str) {
        if let Some(names) = self.pending_names.take() {
            if let Some(pairs) = names_and_roles(&names, text) {
                return self.push(Kind::Signatures(pairs), format!("{names} {text}"));
            }
            self.classify_heading(&names);
        }
        if is_names_line(text) {
            self.pending_names = Some(text.to_string());
            return;
        }
        self.classify_heading(text);
    }

    fn classify_heading(&mut self, text: &str) {
        if is_date_line(text) {
            return self.push(Kind::Date, text.to_string());
        }
        if let Some(promise) = numbered_promise(text) {
            return self.promise_heading(promise);
        }
        let kind = classify_heading(text);
        // Under a follow-up heading, dated lines are the reports ("…, tertial 1 2019").
        let is_report =
            self.section == Section::FollowUp && text.chars().any(|c| c.is_ascii_digit());
        if is_report && !matches!(kind, HeadingKind::Agreement { .. }) {
            return self.push(Kind::Report, text.to_string());
        }
        match kind {
            HeadingKind::Agreement { list } => {
                let section = if list {
                    Section::Promises
                } else {
                    Section::Intro
                };
                self.open(section, list.then(|| text.to_string()));
                self.push(Kind::AgreementHeading, text.to_string());
            }
            HeadingKind::Section(section) => {
                self.open(section, section.is_list().then(|| text.to_string()));
                self.push(Kind::Heading, text.to_string());
            }
            HeadingKind::Unknown if is_promising_heading(text) => {
                // "Polisen lovar", "Tillsammans lovar vi": a section whose items are what
                // the heading's subject promises, so the heading is their lead-in.
                let section = if self.section.is_list() {
                    self.section
                } else {
                    Section::Promises
                };
                self.open(section, Some(text.to_string()));
                self.push(Kind::Heading, text.to_string());
            }
            HeadingKind::Unknown => self.unknown_heading(text),
        }
    }

    /// A short line no cue explains: an item of a list written without bullets, or a
    /// heading that ends a bulleted list.
    fn unknown_heading(&mut self, text: &str) {
        if self.section.is_list() && is_about_the_agreement(text) {
            self.push(Kind::Text, text.to_string());
        } else if self.section.is_list() && !self.bullets_in_run {
            self.push(Kind::ListParagraph, text.to_string());
        } else {
            if self.section.is_list() {
                self.open(Section::Other, None);
            }
            self.push(Kind::Heading, text.to_string());
        }
    }

    fn paragraph(&mut self, lines: &[String]) {
        self.flush_names();
        if let Some(pairs) = signature_pairs(lines) {
            let text = lines.join(" ");
            return self.push(Kind::Signatures(pairs), text);
        }
        // A heading with its text right under it ("Vad är ett medborgarlöfte?\nMedborgarlöften
        // är …"); a line that merely wraps goes on in lower case.
        if let [first, second, ..] = lines {
            if is_heading_line(first) && second.starts_with(char::is_uppercase) {
                self.heading(first);
                return self.paragraph(&lines[1..]);
            }
        }
        let text = lines.join(" ");
        if text.ends_with(':') || announces_list(&text) {
            let before = self.section;
            let section = lead_in_section(&text, before).unwrap_or(before);
            self.open(section, Some(text.clone()));
            self.push(Kind::LeadIn { before }, text);
        } else if self.section.is_list() && !is_explanation(&text) && !is_about_the_agreement(&text)
        {
            self.push(Kind::ListParagraph, text);
        } else {
            self.push(Kind::Text, text);
        }
    }

    fn item(&mut self, item: &Item) {
        self.flush_names();
        if item.dashed && !self.section.is_list() {
            return self.push(Kind::Quote, item.text.clone());
        }
        self.bullets_in_run = true;
        self.push(Kind::Item, item.text.clone());
        if let Some(entry) = self.entries.last_mut() {
            entry.responsible.clone_from(&item.responsible);
        }
    }

    /// A numbered item with sub-items under it is a promise, and its sub-items are the
    /// activities that deliver it: they do what it says, by whom it says.
    fn promise_with_activities(&mut self, promise: &Item) {
        self.flush_names();
        self.bullets_in_run = true;
        let section = self.section;
        self.section = Section::Promises;
        self.push(Kind::Item, promise.text.clone());
        self.section = section;
        let lead_in = self.lead_in.clone();
        self.open(Section::Activities, Some(promise.text.clone()));
        self.parent = Some(Parent {
            indent: promise.indent,
            section,
            lead_in,
        });
    }

    /// "Löfte 1: Tryggare centrum": the promise, and the activities under it until the next
    /// heading serve it.
    fn promise_heading(&mut self, promise: &str) {
        self.bullets_in_run = true;
        self.section = Section::Promises;
        self.push(Kind::Item, promise.to_string());
        self.open(Section::Activities, Some(promise.to_string()));
    }

    /// Back from a promise's sub-items to the list it stands in.
    fn end_sub_items(&mut self, indent: Option<usize>) {
        let ended = self
            .parent
            .as_ref()
            .is_some_and(|p| indent.is_none_or(|i| i <= p.indent));
        if let Some(parent) = self.parent.take_if(|_| ended) {
            self.open(parent.section, parent.lead_in);
        }
    }
}

/// A page with no list under any heading that says what it lists, but with a bulleted
/// list in its introduction ("Medborgarlöftet kommer att löpa … • Polisen lovar att …"):
/// that list is the promises, which the review is told.
fn take_unheaded_list(entries: &mut [Entry]) {
    if entries.iter().any(is_content) {
        return;
    }
    for entry in entries
        .iter_mut()
        .filter(|e| e.kind == Kind::Item && e.section == Section::Intro)
    {
        entry.section = Section::Promises;
        entry.unheaded = true;
    }
}

/// Each block with what it is.
pub fn entries(blocks: &[Block]) -> Vec<Entry> {
    let mut walker = Walker {
        entries: Vec::new(),
        section: Section::Intro,
        run: 0,
        lead_in: None,
        bullets_in_run: false,
        pending_names: None,
        parent: None,
    };
    for (i, block) in blocks.iter().enumerate() {
        let item = match block {
            Block::Item(item) => item,
            _ => {
                walker.end_sub_items(None);
                match block {
                    Block::Heading(text) => walker.heading(text),
                    Block::Paragraph(lines) => walker.paragraph(lines),
                    Block::Item(_) => {}
                }
                continue;
            }
        };
        walker.end_sub_items(Some(item.indent));
        let has_sub_items = matches!(
            blocks.get(i + 1),
            Some(Block::Item(next)) if next.indent > item.indent
        );
        if item.numbered && has_sub_items && walker.section.is_list() {
            walker.promise_with_activities(item);
        } else {
            walker.item(item);
        }
    }
    walker.flush_names();
    take_unheaded_list(&mut walker.entries);
    walker.entries
}

/// Whether an entry is one of the agreement's promises or activities.
pub fn is_content(entry: &Entry) -> bool {
    entry.section.is_list() && matches!(entry.kind, Kind::Item | Kind::ListParagraph)
}

/// One agreement's stretch of a page, and the page's shared introduction when it has one.
#[derive(Debug, Clone, Copy)]
pub struct Segment<'a> {
    pub preamble: &'a [Entry],
    pub body: &'a [Entry],
}

impl Segment<'_> {
    /// The heading that opens the body when it names the agreement ("Medborgarlöfte 2020").
    pub fn heading(&self) -> Option<&str> {
        self.body
            .first()
            .filter(|e| e.kind == Kind::AgreementHeading)
            .map(|e| e.text.as_str())
    }

    pub fn has_content(&self) -> bool {
        self.body.iter().any(is_content)
    }

    /// Body first: its facts win over the page's shared introduction.
    pub fn all(&self) -> impl Iterator<Item = &Entry> {
        self.body.iter().chain(self.preamble)
    }
}

/// The agreements of a page. An agreement heading starts a new agreement only when
/// promises or activities follow it before the next one; a heading with nothing after it
/// (a repeated title at the end of the page) stays part of the agreement before it.
pub fn segments(entries: &[Entry]) -> Vec<Segment<'_>> {
    let candidates: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::AgreementHeading)
        .map(|(i, _)| i)
        .collect();
    let splits: Vec<usize> = candidates
        .iter()
        .enumerate()
        .filter(|&(n, &start)| {
            let end = candidates.get(n + 1).copied().unwrap_or(entries.len());
            entries[start..end].iter().any(is_content)
        })
        .map(|(_, &start)| start)
        .collect();
    let first = splits.first().copied().unwrap_or(entries.len());
    let head = &entries[..first];
    let head_has_content = head.iter().any(is_content);
    let preamble: &[Entry] = if head_has_content { &[] } else { head };
    let mut out = Vec::new();
    if head_has_content || splits.is_empty() {
        out.push(Segment {
            preamble: &[],
            body: head,
        });
    }
    for (n, &start) in splits.iter().enumerate() {
        let end = splits.get(n + 1).copied().unwrap_or(entries.len());
        out.push(Segment {
            preamble,
            body: &entries[start..end],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_real_pages_use_are_recognised() {
        assert_eq!(
            classify_heading("Medborgarlöfte 2018-2019"),
            HeadingKind::Agreement { list: true }
        );
        assert_eq!(
            classify_heading("Medborgarlöften i Eslövs kommun 2016"),
            HeadingKind::Agreement { list: false }
        );
        assert_eq!(
            classify_heading("Medborgarlöftet"),
            HeadingKind::Section(Section::Promises)
        );
        assert_eq!(
            classify_heading("Löften"),
            HeadingKind::Section(Section::Promises)
        );
        assert_eq!(
            classify_heading("Aktiviteter"),
            HeadingKind::Section(Section::Activities)
        );
        assert_eq!(
            classify_heading("Det här ska vi göra"),
            HeadingKind::Section(Section::Activities)
        );
        assert_eq!(
            classify_heading("Löftena ska uppnås genom följande aktiviteter"),
            HeadingKind::Section(Section::Activities)
        );
        assert_eq!(
            classify_heading("Det här ska vi åstadkomma tillsammans"),
            HeadingKind::Section(Section::Effect)
        );
        assert_eq!(
            classify_heading("Följ med i hur det går!"),
            HeadingKind::Section(Section::FollowUp)
        );
        assert_eq!(
            classify_heading("Situationen idag"),
            HeadingKind::Section(Section::Situation)
        );
        assert_eq!(
            classify_heading("Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2019"),
            HeadingKind::Section(Section::FollowUp)
        );
        assert_eq!(
            classify_heading("Vad är ett medborgarlöfte?"),
            HeadingKind::Section(Section::Other)
        );
        assert_eq!(
            numbered_promise("Löfte 1: Tryggare centrum"),
            Some("Tryggare centrum")
        );
        assert_eq!(
            numbered_promise("Medborgarlöfte 2 – Färre inbrott"),
            Some("Färre inbrott")
        );
        assert_eq!(numbered_promise("Medborgarlöfte 2024"), None);
        assert_eq!(numbered_promise("Löftena ska uppnås genom"), None);
        for about in [
            "Sigtuna kommun och polisen",
            "Gäller 1 januari 2025 till 31 december 2025",
            "Prioriterade områden: narkotika och trygghet.",
            "Heby kommun och polisen har kommit överens om två fokusområden.",
        ] {
            assert!(is_about_the_agreement(about), "{about}");
        }
        assert!(!is_about_the_agreement(
            "Kommunen och polisen ska genomföra trygghetsvandringar."
        ));
        for title in ["Kalix – medborgarlöften", "Vara – medborgarlöften"] {
            assert_eq!(
                classify_heading(title),
                HeadingKind::Agreement { list: false }
            );
        }
        assert_eq!(
            classify_heading("Våra medborgarlöften"),
            HeadingKind::Section(Section::Promises)
        );
    }

    #[test]
    fn lead_ins_open_lists() {
        let intro = Section::Intro;
        assert_eq!(
            lead_in_section(
                "Det ska åstadkommas genom bland annat följande aktiviteter:",
                intro
            ),
            Some(Section::Activities)
        );
        assert_eq!(
            lead_in_section(
                "Polisen och kommunen formulerar följande gemensamma medborgarlöften:",
                intro
            ),
            Some(Section::Promises)
        );
        assert_eq!(lead_in_section("Under den aktuella tidsperioden 2020-2022 ska vi arbeta mot de prioriterade områdena genom att:", intro), Some(Section::Activities));
        assert_eq!(
            lead_in_section(
                "Sammantaget har det lett fram till tre prioriterade områden:",
                intro
            ),
            Some(Section::Priorities)
        );
        assert_eq!(
            lead_in_section("Polisen och Vadstena kommun lovar att:", intro),
            Some(Section::Promises)
        );
        assert_eq!(
            lead_in_section("Under 2024 lovar polisen att:", Section::Activities),
            None
        );
    }

    #[test]
    fn dates_under_signatures_may_name_the_place() {
        assert!(is_date_line("2017-02-15"));
        assert!(is_date_line("Laxå den 26 oktober 2018"));
        assert!(!is_date_line(
            "Löftena undertecknades av många den 26 oktober 2018"
        ));
    }

    #[test]
    fn signatures_are_name_and_role_lines() {
        let lines = ["Anna-Karin Boije", "Lokalpolisområdeschef"].map(String::from);
        assert_eq!(
            signature_pairs(&lines),
            Some(vec![signatory(&lines[0], &lines[1], None)])
        );
        let one_per_line = [
            "Eva Lund, kommundirektör, Tranås kommun",
            "Per Ekström, lokalpolisområdeschef",
        ]
        .map(String::from);
        assert_eq!(
            signature_pairs(&one_per_line),
            Some(vec![
                signatory("Eva Lund", "Kommundirektör", Some("Tranås kommun")),
                signatory("Per Ekström", "Lokalpolisområdeschef", None)
            ])
        );
        assert_eq!(
            signature_pairs(&["Polisen ska patrullera", "Lokalpolisområdeschef"].map(String::from)),
            None
        );
        let side_by_side = names_and_roles(
            "Harry Lundin        Mats Scherp",
            "Kommunchef      Lokalpolisområdeschef",
        );
        assert_eq!(side_by_side.map(|p| p.len()), Some(2));
    }
}
