//! One agreement's stretch of a page → a draft: the facts, the promises and activities,
//! and the review notes gathered on the way.

use std::collections::{BTreeMap, HashSet};

use crate::import::swedish::year;
use loften_core::model::{
    Activity, Agreement, AgreementKind, FollowUp, Period, Promise, Report, Signatory, Source,
};
use loften_core::text::{fold, lowercase};

use super::facts::{self, Organisations, PoliceArea};
use super::items;
use super::lexicon::{CAPTION_STARTS, CITIZEN_PROMISE, POLICE_SITE};
use super::sections::{Entry, Kind, Section, Segment};
use super::shorten;
use super::tags;
use super::words::words_of;
use super::{note, Draft, Reference};

/// What holds for every agreement of a page.
pub struct Page<'a> {
    pub title: String,
    pub file_name: &'a str,
    pub publisher: Option<String>,
    pub reference: &'a Reference,
}

impl<'a> Page<'a> {
    pub fn new(
        text: &str,
        entries: &[Entry],
        file_name: &'a str,
        reference: &'a Reference,
    ) -> Page<'a> {
        // The page's title is its first heading; the file name stands in when it has none.
        let title = entries
            .iter()
            .find(|e| matches!(e.kind, Kind::Heading | Kind::AgreementHeading))
            .map_or_else(|| file_name.to_string(), |e| e.text.clone());
        let publisher = lowercase(text)
            .contains(POLICE_SITE)
            .then(|| "Polisen".to_string());
        Page {
            title,
            file_name,
            publisher,
            reference,
        }
    }
}

/// Texts of entries joined as paragraphs.
fn joined<'e>(entries: impl Iterator<Item = &'e Entry>) -> String {
    entries
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn none_if_empty(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// The period when the text gives none: the signing year, else the year the text names
/// most often, else 0; each with a note.
fn fallback_period(signed: Option<&str>, text: &str) -> (Period, String) {
    let single = |y: i32| Period {
        from: y,
        to: y,
        start: None,
        end: None,
    };
    if let Some(y) = signed.and_then(|d| d.get(..4)).and_then(year) {
        return (
            single(y),
            note(
                "Perioden är satt till året för undertecknandet; kontrollera.",
                "The period was set to the signing year; check.",
            ),
        );
    }
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for w in words_of(text) {
        if let Some(y) = year(w.text) {
            *counts.entry(y).or_default() += 1;
        }
    }
    match counts.iter().max_by_key(|&(y, n)| (*n, *y)) {
        Some((&y, _)) => (
            single(y),
            note(
                &format!("Ingen period angiven; {y} är det år texten nämner oftast. Kontrollera."),
                "No period given; the year named most often was taken. Check.",
            ),
        ),
        None => (
            single(0),
            note(
                "Ingen period hittades; fyll i period.",
                "No period found; fill in period.",
            ),
        ),
    }
}

/// `<kommun>-<from>[-<to>]`, made unique among the page's drafts.
fn unique_id(
    stem: &str,
    period: &Period,
    taken: &mut HashSet<String>,
    review: &mut Vec<String>,
) -> String {
    let stem = if stem.is_empty() {
        "okand-kommun"
    } else {
        stem
    };
    let base = if period.from == period.to {
        format!("{stem}-{}", period.from)
    } else {
        format!("{stem}-{}-{}", period.from, period.to)
    };
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    if id != base {
        review.push(note(
            &format!("Sidan ger flera löften med id {base}; detta fick {id}."),
            "The page holds several agreements with the same id; this one was renumbered.",
        ));
    }
    id
}

/// The entries that are promises (or activities): list items, or paragraphs in lists
/// written without bullets. Paragraphs beside bulleted items are commentary; they are
/// left out and noted.
fn list_entries<'e>(
    body: &'e [Entry],
    section: Section,
    review: &mut Vec<String>,
) -> Vec<&'e Entry> {
    let bulleted_runs: HashSet<usize> = body
        .iter()
        .filter(|e| e.kind == Kind::Item)
        .map(|e| e.run)
        .collect();
    let mut out = Vec::new();
    for entry in body.iter().filter(|e| e.section == section) {
        match entry.kind {
            Kind::Item => out.push(entry),
            Kind::ListParagraph if !bulleted_runs.contains(&entry.run) => out.push(entry),
            Kind::ListParagraph => review.push(note(
                &format!(
                    "Texten ”{}” står bland punkterna men är ingen punkt; den är inte med.",
                    shorten(&entry.text)
                ),
                "A paragraph among the list items was left out; check it.",
            )),
            _ => {}
        }
    }
    out
}

/// Folded stems (first five letters) of a text's longer words, to compare wordings.
fn stems(text: &str) -> HashSet<String> {
    words_of(text)
        .iter()
        .filter(|w| w.text.chars().count() >= 4)
        .map(|w| fold(w.text).chars().take(5).collect())
        .collect()
}

/// The promise a list's lead-in names: "I arbetet med trygghetsskapande åtgärder i de
/// centrala delarna av Jönköping kommer vi arbeta med följande aktiviteter:" serves
/// "Arbeta med trygghetsskapande åtgärder i centrala delar av Jönköping."
fn promise_named_by(lead_in: Option<&str>, promises: &[Promise]) -> Option<String> {
    let lead_in = stems(lead_in?);
    let share = |p: &Promise| {
        let own = stems(&p.text);
        own.iter().filter(|s| lead_in.contains(*s)).count() as f64 / own.len().max(1) as f64
    };
    promises
        .iter()
        .map(|p| (share(p), p))
        .filter(|(s, _)| *s >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p.id.clone())
}

/// Everything a segment's promises and activities are matched against.
struct Context<'a> {
    id: String,
    kommuner: Vec<String>,
    /// Folded names that are places or kommuner, never partners.
    not_partners: Vec<String>,
    reference: &'a Reference,
}

impl Context<'_> {
    fn areas(&self, text: &str, lead_in: Option<&str>) -> Vec<String> {
        let mut areas = tags::areas(text, &self.kommuner, &self.reference.areas);
        for area in lead_in
            .map(|l| tags::areas(l, &self.kommuner, &self.reference.areas))
            .unwrap_or_default()
        {
            if !areas.contains(&area) {
                areas.push(area);
            }
        }
        areas
    }

    fn promise(&self, n: usize, entry: &Entry) -> Promise {
        Promise {
            id: format!("{}-l{}", self.id, n + 1),
            text: entry.text.clone(),
            topics: tags::topics(&entry.text, &self.reference.topics),
            areas: self.areas(&entry.text, None),
        }
    }

    /// An activity, and what about it the review should hear: its actors came from the
    /// list's lead-in; its text gives several frequencies.
    fn activity(&self, n: usize, entry: &Entry, promises: &[Promise]) -> (Activity, [bool; 2]) {
        let id = format!("{}-a{}", self.id, n + 1);
        let lead_in = entry.lead_in.as_deref();
        let doers = items::doers(
            &entry.text,
            lead_in,
            entry.responsible.as_deref(),
            &self.not_partners,
        );
        let (frequency, others) = items::frequency(&entry.text);
        let flags = [doers.from_lead_in, others > 0];
        // A partner's name is not what the work is about ("tillsammans med Västtrafik").
        let about = doers
            .partners
            .iter()
            .fold(entry.text.clone(), |text, partner| {
                text.replace(partner.as_str(), "")
            });
        let activity = Activity {
            promise: promise_named_by(lead_in, promises),
            topics: tags::topics(&about, &self.reference.topics),
            areas: self.areas(&entry.text, lead_in),
            actors: doers.actors,
            partners: doers.partners,
            frequency,
            text: entry.text.clone(),
            id,
        };
        (activity, flags)
    }
}

/// The ids of activities, joined for a note.
fn ids_of<'a>(activities: impl Iterator<Item = &'a Activity>) -> String {
    activities
        .map(|a| a.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Notes on activities as a whole: actors taken from a lead-in, several frequencies, no
/// actor found, no promise named.
fn activity_notes(
    activities: &[(Activity, [bool; 2])],
    promises: &[Promise],
    review: &mut Vec<String>,
) {
    let flagged = |flag: usize| ids_of(activities.iter().filter(|(_, f)| f[flag]).map(|(a, _)| a));
    let from_lead_in = flagged(0);
    if !from_lead_in.is_empty() {
        review.push(note(
            &format!("Aktörerna för {from_lead_in} är tagna ur listans inledning; kontrollera."),
            "Actors of these activities were taken from their list's lead-in; check.",
        ));
    }
    let several = flagged(1);
    if !several.is_empty() {
        review.push(note(
            &format!("{several} anger flera frekvenser; den första är vald."),
            "These activities give several frequencies; the first was taken.",
        ));
    }
    let ids = |pick: &dyn Fn(&Activity) -> bool| {
        ids_of(activities.iter().map(|(a, _)| a).filter(|a| pick(a)))
    };
    let without_actor = ids(&|a| a.actors.is_empty());
    if !without_actor.is_empty() {
        review.push(note(
            &format!("Ingen aktör hittades för {without_actor}; fyll i om källan säger vem."),
            "No actor found for these activities; fill in if the source says who.",
        ));
    }
    let unlinked = ids(&|a| a.promise.is_none());
    if !promises.is_empty() && !unlinked.is_empty() {
        review.push(note(
            &format!("Källan säger inte vilket löfte {unlinked} hör till; koppla vid behov."),
            "The source does not say which promise these activities serve; link them if it does.",
        ));
    }
}

/// The promises and activities of a segment. A page that lists its commitments under a
/// promise heading and has no activities ("Medborgarlöftet: • Två gemensamma
/// trygghetsvandringar …") gives them as activities, as the dataset does.
fn promises_and_activities(
    segment: &Segment,
    context: &Context,
    review: &mut Vec<String>,
) -> (Vec<Promise>, Vec<Activity>) {
    let mut promise_entries = list_entries(segment.body, Section::Promises, review);
    let mut activity_entries = list_entries(segment.body, Section::Activities, review);
    if promise_entries.iter().any(|e| e.unheaded) {
        review.push(note(
            "Listan har ingen rubrik som säger vad den är; den är läst som medborgarlöftet. Kontrollera.",
            "The list has no heading saying what it is; it was read as the promises. Check.",
        ));
    }
    if activity_entries.is_empty() && !promise_entries.is_empty() {
        activity_entries = std::mem::take(&mut promise_entries);
        review.push(note(
            "Sidan har bara en lista under löftesrubriken och inga aktiviteter; punkterna är lagda som aktiviteter. Kontrollera.",
            "The page lists its commitments under the promise heading only; they were taken as activities. Check.",
        ));
    }
    if let Some(cut) = cut_off_item(segment.body, &promise_entries, &activity_entries) {
        review.push(note(
            &format!(
                "Sidan slutar mitt i listan: ”{}” ser avbruten ut. Kontrollera mot hela sidan.",
                shorten(cut)
            ),
            "The page ends in the middle of its list: the last item looks cut off. Check the whole page.",
        ));
    }
    let promises: Vec<Promise> = promise_entries
        .iter()
        .enumerate()
        .map(|(n, e)| context.promise(n, e))
        .collect();
    let activities: Vec<(Activity, [bool; 2])> = activity_entries
        .iter()
        .enumerate()
        .map(|(n, e)| context.activity(n, e, &promises))
        .collect();
    activity_notes(&activities, &promises, review);
    (promises, activities.into_iter().map(|(a, _)| a).collect())
}

/// The text of the last item when the page ends with it unfinished: nothing follows it, it
/// has no closing punctuation, and the other items of its list have.
fn cut_off_item<'e>(
    body: &[Entry],
    promises: &[&'e Entry],
    activities: &[&'e Entry],
) -> Option<&'e str> {
    let list = if activities.is_empty() {
        promises
    } else {
        activities
    };
    let (last, others) = list.split_last()?;
    let ends_page = body.last().is_some_and(|e| std::ptr::eq(e, *last));
    let finished = |e: &&Entry| e.text.trim_end().ends_with(['.', '!', '?', ')', '”', '"']);
    (ends_page && !others.is_empty() && others.iter().all(finished) && !finished(last))
        .then_some(last.text.as_str())
}

/// Follow-up: its text, its reports (those dated outside the period are another
/// agreement's and are left out, with a note), and its cadence.
fn follow_up(segment: &Segment, period: &Period, review: &mut Vec<String>) -> FollowUp {
    let in_section = |e: &&Entry| e.section == Section::FollowUp && e.kind == Kind::Text;
    let text = none_if_empty(joined(segment.body.iter().filter(in_section)));
    let mut reports = Vec::new();
    for report in segment.body.iter().filter(|e| e.kind == Kind::Report) {
        let outside = words_of(&report.text)
            .iter()
            .filter_map(|w| year(w.text))
            .any(|y| !period.covers_year(y));
        if outside {
            review.push(note(
                &format!(
                    "Rapporten ”{}” gäller ett annat år och är inte med.",
                    report.text
                ),
                "A report dated outside the period was left out.",
            ));
        } else {
            reports.push(Report {
                title: report.text.clone(),
                ..Report::default()
            });
        }
    }
    // Any text but the lists' own may say how the work is followed up, even one set
    // apart like a heading ("Resultatet kommer att följas upp … två gånger per år").
    // A paragraph beside a bulleted list is commentary, and may be this ("Resultatet följs upp årligen.").
    let not_a_list = |e: &&Entry| !matches!(e.kind, Kind::Item | Kind::Quote | Kind::Report);
    let texts: Vec<String> = segment
        .all()
        .filter(not_a_list)
        .map(|e| e.text.clone())
        .collect();
    let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let titles: Vec<String> = reports.iter().map(|r| r.title.clone()).collect();
    let (cadence, notes) = facts::cadence(&text_refs, &titles);
    review.extend(notes);
    FollowUp {
        cadence,
        text,
        reports,
    }
}

/// A photo's caption ("På bilden från vänster: …", "Foto: …") or one about the signing.
fn is_caption(text: &str) -> bool {
    let lower = lowercase(text);
    CAPTION_STARTS.iter().any(|c| lower.starts_with(c)) || facts::mentions_signing(text)
}

/// The introduction (the page's shared one first), without captions.
fn summary(segment: &Segment) -> Option<String> {
    let intro = segment.preamble.iter().chain(segment.body);
    none_if_empty(joined(intro.filter(|e| {
        e.section == Section::Intro && e.kind == Kind::Text && !is_caption(&e.text)
    })))
}

/// The situation, with the lead-in sentence that turns it into the priorities' list.
fn situation(segment: &Segment) -> Option<String> {
    let is_situation = |e: &&Entry| match e.kind {
        Kind::Text => e.section == Section::Situation,
        Kind::LeadIn { before } => before == Section::Situation,
        _ => false,
    };
    none_if_empty(joined(segment.body.iter().filter(is_situation)))
}

fn priorities(segment: &Segment) -> Vec<String> {
    let is_priority = |e: &&Entry| {
        e.kind == Kind::Item && matches!(e.section, Section::Priorities | Section::Situation)
    };
    segment
        .body
        .iter()
        .filter(is_priority)
        .map(|e| e.text.clone())
        .collect()
}

fn effect(segment: &Segment) -> Option<String> {
    none_if_empty(joined(
        segment
            .body
            .iter()
            .filter(|e| e.section == Section::Effect && e.kind == Kind::Text),
    ))
}

/// Names that are places or kommuner, folded: never partners, never unknown places.
fn known_names(reference: &Reference, police_area: Option<&PoliceArea>) -> Vec<String> {
    let areas = reference.areas.iter().map(|a| fold(&a.name));
    let kommuner = reference.kommuner.iter().map(|k| fold(&k.short_name));
    let lan = reference.lan.iter().map(|l| fold(&l.short_name));
    areas
        .chain(kommuner)
        .chain(lan)
        .chain(police_area.map(|p| fold(&p.name)))
        .collect()
}

/// Whether a segment without promises or activities is an announcement of a signing.
fn announces_signing(text: &str) -> bool {
    lowercase(text).contains(CITIZEN_PROMISE) && facts::mentions_signing(text)
}

/// A segment's text, body and page introduction apart and together.
struct Texts {
    body: String,
    preamble: String,
    all: String,
}

impl Texts {
    fn of(segment: &Segment) -> Texts {
        let (body, preamble) = (joined(segment.body.iter()), joined(segment.preamble.iter()));
        let all = format!("{body}\n\n{preamble}");
        Texts {
            body,
            preamble,
            all,
        }
    }

    /// Body first: where facts are looked for in order.
    fn in_order(&self) -> [&str; 2] {
        [&self.body, &self.preamble]
    }
}

/// An agreement when the segment holds promises or activities, an announcement when it
/// only reports a signing, else nothing to draft.
fn kind_of(segment: &Segment, texts: &Texts, review: &mut Vec<String>) -> Option<AgreementKind> {
    if segment.has_content() {
        return Some(AgreementKind::Agreement);
    }
    announces_signing(&texts.all).then(|| {
        review.push(note(
            "Sidan berättar om ett undertecknande men återger inte löftenas innehåll (kind announcement).",
            "The page reports a signing but not the promises' contents (kind announcement).",
        ));
        AgreementKind::Announcement
    })
}

/// When it was signed, and the period it runs.
fn dates_of(
    segment: &Segment,
    texts: &Texts,
    review: &mut Vec<String>,
) -> (Option<String>, Period) {
    let date_lines: Vec<&str> = segment
        .all()
        .filter(|e| e.kind == Kind::Date)
        .map(|e| e.text.as_str())
        .collect();
    let (signed, notes) = facts::signed(&date_lines, &texts.in_order());
    review.extend(notes);
    let (period, notes) = facts::period(segment.heading(), &texts.in_order());
    review.extend(notes);
    let period = period.unwrap_or_else(|| {
        let (period, why) = fallback_period(signed.as_deref(), &texts.all);
        review.push(why);
        period
    });
    (signed, period)
}

/// The signatories, from signature lines and from text about the signing.
fn signatories_of(
    segment: &Segment,
    organisations: &Organisations,
    review: &mut Vec<String>,
) -> Vec<Signatory> {
    let signed_lines: Vec<Signatory> = segment
        .body
        .iter()
        .flat_map(|e| match &e.kind {
            Kind::Signatures(pairs) => pairs.clone(),
            _ => Vec::new(),
        })
        .collect();
    let paragraphs: Vec<&str> = segment
        .all()
        .filter(|e| e.kind == Kind::Text)
        .map(|e| e.text.as_str())
        .collect();
    let (signatories, notes) = facts::signatories(&signed_lines, &paragraphs, organisations);
    review.extend(notes);
    signatories
}

fn source(page: &Page, review: &mut Vec<String>) -> Source {
    if page.publisher.is_none() {
        review.push(note(
            "Sidan säger inte vem som publicerat den; fyll i source.publisher och source.url.",
            "The page does not say who published it; fill in source.publisher and source.url.",
        ));
    }
    let document = (!page.file_name.is_empty()).then(|| page.file_name.to_string());
    Source {
        title: page.title.clone(),
        publisher: page.publisher.clone(),
        document,
        url: None,
    }
}

/// A segment's draft, or none when it neither holds promises nor reports a signing.
pub fn draft(segment: &Segment, page: &Page, taken: &mut HashSet<String>) -> Option<Draft> {
    let reference = page.reference;
    let texts = Texts::of(segment);
    let mut review = Vec::new();
    let kind = kind_of(segment, &texts, &mut review)?;

    let heading = segment.heading();
    let titles: Vec<&str> = heading.into_iter().chain([page.title.as_str()]).collect();
    let kommuner = facts::kommuner(&titles, &texts.all, reference);
    review.extend(kommuner.review.iter().cloned());
    let (police_area, notes) = facts::lokalpolisomrade(&texts.all);
    review.extend(notes);
    let (signed, period) = dates_of(segment, &texts, &mut review);
    let id = unique_id(&kommuner.stem, &period, taken, &mut review);
    let organisations = Organisations {
        police: police_area.as_ref().map(PoliceArea::organisation),
        kommun: kommuner.organisation.clone(),
    };
    let signatories = signatories_of(segment, &organisations, &mut review);

    let names = known_names(reference, police_area.as_ref());
    let context = Context {
        id: id.clone(),
        kommuner: kommuner.names.clone(),
        not_partners: names.clone(),
        reference,
    };
    let (promises, activities) = promises_and_activities(segment, &context, &mut review);
    let follow_up = follow_up(segment, &period, &mut review);
    unknown_places_note(&promises, &activities, &names, &mut review);

    let agreement = Agreement {
        id,
        kind,
        title: heading.unwrap_or(&page.title).to_string(),
        kommuner: kommuner.names,
        lokalpolisomrade: police_area.map(|p| p.name),
        period,
        signed: signed
            .as_deref()
            .and_then(loften_core::dates::parse_iso_date),
        signatories,
        summary: summary(segment),
        situation: situation(segment),
        priorities: priorities(segment),
        promises,
        activities,
        effect: effect(segment),
        follow_up: Some(follow_up),
        source: source(page, &mut review),
        notes: None,
    };
    Some(Draft { agreement, review })
}

/// Place names in promises and activities that `data/areas.json` does not have.
fn unknown_places_note(
    promises: &[Promise],
    activities: &[Activity],
    known: &[String],
    review: &mut Vec<String>,
) {
    let texts = promises
        .iter()
        .map(|p| p.text.as_str())
        .chain(activities.iter().map(|a| a.text.as_str()));
    let mut places: Vec<String> = Vec::new();
    for place in texts.flat_map(|t| tags::unknown_places(t, known)) {
        if !places.contains(&place) {
            places.push(place);
        }
    }
    if !places.is_empty() {
        review.push(note(
            &format!(
                "Platser som saknas i data/areas.json: {}. Lägg till dem där om de är områden.",
                places.join(", ")
            ),
            "Places missing from data/areas.json; add them there if they are areas.",
        ));
    }
}

/// A page that gave no draft, yet whose title names a kommun and which lists things: the
/// shape of a medborgarlöfte whose headings say nothing the importer knows ("Trygghet i
/// Gnosjö" over "Det här gör kommunen" and a list). Its list items are taken as the
/// activities, and the review is told to check that they are.
pub fn unheaded(entries: &[Entry], page: &Page) -> Option<Draft> {
    let is_listed =
        |e: &Entry| e.kind == Kind::Item && matches!(e.section, Section::Intro | Section::Other);
    if !entries.iter().any(is_listed) || !facts::names_a_kommun(&page.title, page.reference) {
        return None;
    }
    let entries: Vec<Entry> = entries
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if is_listed(&e) {
                e.section = Section::Activities;
            } else if e.section == Section::Other && e.kind == Kind::Text {
                // The text around the list is the page's own, not general information.
                e.section = Section::Intro;
            }
            e
        })
        .collect();
    let segment = Segment {
        preamble: &[],
        body: &entries,
    };
    let mut draft = draft(&segment, page, &mut HashSet::new())?;
    draft.review.insert(
        0,
        note(
            "Sidan har inga rubriker som säger vad den listar; alla punkter är lagda som aktiviteter. Kontrollera att de är löften, och vilka som hör till löftet.",
            "The page has no headings saying what it lists; every list item was taken as an activity. Check that they are promised, and which belong.",
        ),
    );
    Some(draft)
}
