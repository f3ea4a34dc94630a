//! `loften followup draft`: a published follow-up report ("Uppföljning av medborgarlöfte …,
//! tertial 3 2018") → what it says of each activity of an agreement, for an official to
//! review in the status sheet before `loften followup import` takes it in.
//!
//! The pipeline:
//!
//! 1. **Input**: the page is read as `loften import` reads one (`input`, `html`, `page`): its
//!    text, a saved HTML page or a web address, as a `Document`. A table's rows are items
//!    with their "Status", "Kommentar" or "Antal" cells (`page::Labelled`), and so are lines
//!    "Status: Pågår" typed under a list item.
//! 2. **Passages** (`passages`): the places a report speaks of one activity in: a table row
//!    or list item; a heading (or a paragraph's first line) followed by "Status:" or
//!    "Genomfört:" lines and the paragraphs under it; else each sentence of a paragraph or a
//!    heading. A list under a heading or lead-in that restates the promise ("Det här
//!    utlovade vi", "I löftet för 2016 lovade polisen …:") is the promise, not the report, and
//!    is left out; a list under one that gives a status ("Detta har polisen genomfört:",
//!    "Pågående arbete") takes that status.
//! 3. **Evidence** (`Evidence`): a passage's status comes from its status label or cell first,
//!    then from its own words ("genomförd", "har inte påbörjats", "kan inte bedömas", with
//!    "ska ha påbörjat" a plan), then from its section's. Its count comes from a count cell
//!    or from numbers in its words ("6 av 8 skolor", "12 trygghetsvandringar har
//!    genomförts"), never from a year, a date, a label ("vecka 9", "väg 45"), a rate ("fyra
//!    pass i veckan") or a number the report denies ("två möten ställdes in"). Its text is its
//!    comment, else its own words or the paragraphs under its heading, verbatim.
//! 4. **Matching** (`Matcher`): each passage with a status is scored against each activity by
//!    their words, folded and lightly stemmed (`words::light_stem`), each word weighted by
//!    how few of the agreement's activities share it; a word inside a compound counts in part
//!    ("kontroller" in "trafikkontroller"). The best pairs above a floor are taken, one
//!    passage per activity and one activity per passage. A count is kept only when its
//!    sentence gives a status or what it counts is a word of the activity, so "1 240
//!    personer" who answered a survey is no count of the survey.
//! 5. **Review notes**: what the official should check, in Swedish and English: passages with
//!    a status that match no activity, activities the report mentions without a status,
//!    activities it does not mention (left blank: "Ingen uppföljning publicerad", never "not
//!    done"), weak or close matches, passages that give several statuses, and statuses read
//!    from a count.
//!
//! Every word the steps look for is in `lexicon`'s follow-up section. Nothing is guessed: an
//! activity no passage answers keeps an empty row.

use loften_core::model::{ActivityStatus, Agreement, DoneCount, Progress};
use loften_core::text::{collapse_whitespace, fold, lowercase};

use super::items::{is_not_a_count, per_clause, phrase_len};
use super::lexicon::{
    ARTICLES, AVERAGE_BEFORE, COMMENT_LABELS, COULD_NOT_BE_DONE, COUNT_FILLERS, COUNT_LABELS,
    COUNT_OF, COUNT_OF_FILLERS, DONE_WORDS, LABEL_BEFORE, MATCH_STOPWORDS, NEGATIONS, NEGATION_GAP,
    NONE_WORDS, NOT_DONE_PHRASES, ONGOING_PHRASES, ONGOING_WORDS, PARTLY, PARTLY_PHRASES, PLANNING,
    PLANNING_REACH, REPORT_LABEL_BEFORE, RESTATING, STARTED_WORDS, STATUS_LABELS, STATUS_VALUES,
    STOP, UNASSESSABLE_PHRASES,
};
use super::page::{labelled_line, Block, Document, Labelled};
use super::swedish::{count, dates, year};
use super::words::{adjacent, light_stem, sentences, words_of, Word};
use super::{note, shorten};

/// What a report says of an agreement's activities, for the status sheet, and what the
/// official should check.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusDraft {
    /// One per activity a passage of the report answers, in the agreement's order.
    pub statuses: Vec<ActivityStatus>,
    /// Notes in Swedish and English ("svenska / English").
    pub review: Vec<String>,
}

/// The statuses a report's document gives an agreement's activities. Never panics, whatever
/// the document.
pub fn draft_statuses(document: &Document, agreement: &Agreement) -> StatusDraft {
    let passages = passages(&document.blocks);
    let matcher = Matcher::new(agreement);
    let evidence: Vec<Evidence> = passages.iter().map(Evidence::of).collect();
    let scores: Vec<Vec<f64>> = passages.iter().map(|p| matcher.scores(&p.head)).collect();

    let (passage_of, activity_of) = assign(&scores, &evidence, agreement.activities.len());

    let mut review = Vec::new();
    let mut statuses = Vec::new();
    for (a, activity) in agreement.activities.iter().enumerate() {
        let Some(p) = passage_of[a] else {
            review.push(silent_note(a, agreement, &passages, &evidence, &scores));
            continue;
        };
        let (passage, found) = (&passages[p], &evidence[p]);
        let score = scores[p][a];
        let id = &activity.id;
        let head = shorten(&passage.head);
        if score < CONFIDENT {
            review.push(note(
                &format!("{id}: osäker koppling (poäng {score:.2}) till ”{head}”; kontrollera att raden gäller aktiviteten."),
                &format!("{id}: weak match (score {score:.2}) with “{head}”; check that the row is about this activity."),
            ));
        }
        let rival = scores[p].iter().enumerate().find(|&(b, &s)| {
            b != a && passage_of[b].is_none() && s >= MATCH_FLOOR && s >= score - CLOSE
        });
        if let Some((b, _)) = rival {
            let other = &agreement.activities[b].id;
            review.push(note(
                &format!("{id}: ”{head}” kan lika gärna gälla {other}, som står tom; kontrollera."),
                &format!(
                    "{id}: “{head}” may as well be about {other}, which is left blank; check."
                ),
            ));
        }
        let Some((mut status, from)) = found.status else {
            continue;
        };
        if found.several {
            review.push(note(
                &format!(
                    "{id}: ”{head}” ger flera statusar; ”{}” valdes.",
                    status.label_sv()
                ),
                &format!(
                    "{id}: “{head}” gives several statuses; “{}” was taken.",
                    status.label_en()
                ),
            ));
        }
        let count = found.count_for(&matcher, a);
        if let (
            From::Words,
            Some(DoneCount {
                done: Some(done),
                of: Some(of),
                ..
            }),
        ) = (from, &count)
        {
            if status == Progress::Done && done < of {
                status = Progress::Partly;
                review.push(note(
                    &format!("{id}: rapporten säger genomfört men räknar {done} av {of}; raden säger ”Delvis genomförd”."),
                    &format!("{id}: the report says done but counts {done} of {of}; the row says “Partly done”."),
                ));
            }
        }
        statuses.push(ActivityStatus {
            activity: id.clone(),
            status,
            text: found.text.clone(),
            count,
        });
    }
    for (p, found) in evidence.iter().enumerate() {
        if found.status.is_some() && activity_of[p].is_none() {
            review.push(unmatched_note(&passages[p], &scores[p], agreement));
        }
    }
    if statuses.is_empty() {
        review.insert(
            0,
            note(
                &format!("Inget i rapporten kunde kopplas till någon av {}:s aktiviteter; arket skrivs utan statusar.", agreement.id),
                &format!("Nothing in the report matched an activity of {}; the sheet is written without statuses.", agreement.id),
            ),
        );
    }
    StatusDraft { statuses, review }
}

/// Which passage answers which activity: the best pairs of a passage with a status and an
/// activity above `MATCH_FLOOR`, best first, each passage and activity in one pair at most.
/// Each activity's passage, and each passage's activity.
fn assign(
    scores: &[Vec<f64>],
    evidence: &[Evidence],
    activities: usize,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (p, row) in scores.iter().enumerate() {
        if evidence[p].status.is_none() {
            continue;
        }
        for (a, &score) in row.iter().enumerate() {
            if score >= MATCH_FLOOR {
                pairs.push((score, p, a));
            }
        }
    }
    // Best first; between equal scores, the earlier passage and activity.
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut passage_of: Vec<Option<usize>> = vec![None; activities];
    let mut activity_of: Vec<Option<usize>> = vec![None; scores.len()];
    for &(_, p, a) in &pairs {
        if passage_of[a].is_none() && activity_of[p].is_none() {
            passage_of[a] = Some(p);
            activity_of[p] = Some(a);
        }
    }
    (passage_of, activity_of)
}

/// The note for a passage with a status that answers no activity, naming the activity it is
/// closest to.
fn unmatched_note(passage: &Passage, scores: &[f64], agreement: &Agreement) -> String {
    let head = shorten(&passage.head);
    let best = scores
        .iter()
        .enumerate()
        .filter(|(_, &s)| s > 0.0)
        .max_by(|x, y| x.1.total_cmp(y.1));
    let (sv, en) = match best {
        Some((a, &s)) if s >= MATCH_FLOOR => {
            let other = &agreement.activities[a].id;
            (
                format!(" (närmast {other}, som ett annat stycke besvarar)"),
                format!(" (closest: {other}, which another passage answers)"),
            )
        }
        Some((a, _)) => {
            let other = &agreement.activities[a].id;
            (
                format!(" (närmast {other})"),
                format!(" (closest: {other})"),
            )
        }
        None => (String::new(), String::new()),
    };
    note(
        &format!("Rapporten ger en status för ”{head}”, men den kunde inte kopplas till någon aktivitet{sv}; fyll i raden för hand om den hör till en."),
        &format!("The report gives a status for “{head}”, but it matched no activity{en}; fill in the row by hand if it belongs to one."),
    )
}

/// Below this a passage and an activity share too little to be paired.
const MATCH_FLOOR: f64 = 0.45;
/// Below this a pair is noted as weak.
const CONFIDENT: f64 = 0.55;
/// A second activity this close to a passage's score is noted as a rival.
const CLOSE: f64 = 0.1;
/// The weight of a passage's word no activity has: it tells nothing of which activity is
/// meant, but a passage that is mostly such words is about something else.
const UNKNOWN_WEIGHT: f64 = 0.5;

/// The note for an activity no passage answers: the report mentions it without a status,
/// or not at all.
fn silent_note(
    a: usize,
    agreement: &Agreement,
    passages: &[Passage],
    evidence: &[Evidence],
    scores: &[Vec<f64>],
) -> String {
    let id = &agreement.activities[a].id;
    // A row, an item or a count that names the activity; a sentence of the page's prose
    // around the report ("Frågor om uppföljningen besvaras av …") is no mention.
    let mention = (0..passages.len())
        .filter(|&p| evidence[p].status.is_none() && scores[p][a] >= MATCH_FLOOR)
        .filter(|&p| !passages[p].sentence || !evidence[p].counts.is_empty())
        .filter(|&p| {
            // A passage about another activity is no mention of this one.
            let best = scores[p].iter().copied().fold(0.0, f64::max);
            scores[p][a] >= best
        })
        .max_by(|&x, &y| scores[x][a].total_cmp(&scores[y][a]));
    match mention {
        Some(p) => {
            let head = shorten(&passages[p].head);
            note(
                &format!("{id}: rapporten nämner aktiviteten (”{head}”) men anger ingen status; raden lämnas tom. Fyll i den om rapporten säger hur det gått."),
                &format!("{id}: the report mentions the activity (“{head}”) but gives no status; the row is left blank. Fill it in if the report says how it went."),
            )
        }
        None => note(
            &format!("{id}: rapporten nämner inte aktiviteten; raden lämnas tom (Ingen uppföljning publicerad, inte ”Ej genomförd”)."),
            &format!("{id}: the report does not mention the activity; the row is left blank (No follow-up published, not “Not done”)."),
        ),
    }
}

// ---- Passages: where a report speaks of one activity. ----

/// One place in a report that may speak of one activity.
#[derive(Debug, Clone, PartialEq, Default)]
struct Passage {
    /// The words that name the activity: a row's first cell, a heading, an item, a sentence.
    head: String,
    /// Whether `head` is the report's own words about the activity (an item or a sentence),
    /// rather than only its name over labels (a table row, a heading over "Status:").
    head_is_text: bool,
    /// What the report gives under labels: "Status: Pågår", "Kommentar: …".
    labelled: Vec<Labelled>,
    /// Paragraph lines under a heading with labels.
    body: Vec<String>,
    /// The status of the list the passage stands in ("Detta har polisen genomfört:").
    section: Option<Progress>,
    /// A sentence of a paragraph or a heading, rather than a row, an item or a heading over
    /// labels.
    sentence: bool,
}

/// How far a list's heading or lead-in reaches.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reach {
    /// To the next heading: a heading's.
    Heading,
    /// To the end of the list after it: a lead-in's.
    List,
}

/// Whether a heading or lead-in restates the promise: "Det här utlovade vi".
fn restates(text: &str) -> bool {
    words_of(text)
        .iter()
        .any(|w| RESTATING.contains(&w.lower.as_str()))
}

/// Whether a block opens with a label of a follow-up report ("Status: Pågår"), and is so part
/// of the heading before it.
fn opens_with_label(block: Option<&Block>) -> bool {
    match block {
        Some(Block::Heading(text)) => labelled_line(text).is_some(),
        Some(Block::Paragraph(lines)) => lines.first().and_then(|l| labelled_line(l)).is_some(),
        _ => false,
    }
}

/// A report's passages, in order.
fn passages(blocks: &[Block]) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    // The passage collecting the labels and paragraphs under its heading.
    let mut headed: Option<usize> = None;
    let mut section: Option<(Progress, Reach)> = None;
    let mut restating: Option<Reach> = None;
    let sentence_passages = |text: &str, out: &mut Vec<Passage>| {
        for sentence in sentences(text) {
            out.push(Passage {
                head: sentence.to_string(),
                head_is_text: true,
                sentence: true,
                ..Passage::default()
            });
        }
    };
    for (i, block) in blocks.iter().enumerate() {
        let next = blocks.get(i + 1);
        let next_is_item = matches!(next, Some(Block::Item(_)));
        match block {
            Block::Heading(text) => {
                if let Some(labelled) = labelled_line(text) {
                    match headed {
                        Some(h) => out[h].labelled.push(labelled),
                        None if restating.is_none() => sentence_passages(text, &mut out),
                        None => {}
                    }
                    continue;
                }
                headed = None;
                section = None;
                restating = None;
                if opens_with_label(next) {
                    headed = Some(out.len());
                    out.push(Passage {
                        head: text.clone(),
                        ..Passage::default()
                    });
                } else if restates(text) {
                    restating = Some(Reach::Heading);
                } else {
                    section = status_in(text).map(|(s, _)| (s, Reach::Heading));
                    if section.is_none() || !next_is_item {
                        sentence_passages(text, &mut out);
                    }
                }
            }
            Block::Paragraph(lines) => {
                if section.is_some_and(|(_, reach)| reach == Reach::List) {
                    section = None;
                }
                if restating == Some(Reach::List) {
                    restating = None;
                }
                let mut rest: &[String] = lines;
                if let [first, second, ..] = lines.as_slice() {
                    // "Hundsök i skolor" over "Status: Genomförd": a copied page's activity
                    // heading is its paragraph's first line. It is the report, not the promise.
                    if labelled_line(first).is_none() && labelled_line(second).is_some() {
                        headed = Some(out.len());
                        restating = None;
                        section = None;
                        out.push(Passage {
                            head: first.clone(),
                            ..Passage::default()
                        });
                        rest = &lines[1..];
                    }
                }
                if restating.is_some() {
                    continue;
                }
                let mut prose: Vec<&str> = Vec::new();
                for line in rest {
                    match (headed, labelled_line(line)) {
                        (Some(h), Some(labelled)) => out[h].labelled.push(labelled),
                        (Some(h), None) => out[h].body.push(line.clone()),
                        (None, _) => prose.push(line),
                    }
                }
                // A heading's words are the one paragraph under it (with its labels); a
                // paragraph after that is the page's again.
                if headed.is_some_and(|h| !out[h].body.is_empty()) {
                    headed = None;
                }
                let prose = prose.join(" ");
                let lead_in = lines.len() == 1 && prose.ends_with(':') && next_is_item;
                if lead_in && restates(&prose) {
                    restating = Some(Reach::List);
                } else if lead_in {
                    section = status_in(&prose).map(|(s, _)| (s, Reach::List));
                } else {
                    sentence_passages(&prose, &mut out);
                }
            }
            Block::Item(item) => {
                headed = None;
                if restating.is_some() {
                    continue;
                }
                out.push(Passage {
                    head: item.text.clone(),
                    head_is_text: item.labelled.is_empty(),
                    labelled: item.labelled.clone(),
                    section: section.map(|(s, _)| s),
                    ..Passage::default()
                });
            }
        }
    }
    out
}

// ---- Evidence: a passage's status, text and counts. ----

/// Where a passage's status was read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum From {
    /// A status cell or label: "Status: Pågår".
    Label,
    /// Its own words: "har genomförts".
    Words,
    /// Its list's heading or lead-in.
    Section,
}

/// A number the report gives, and what it counts.
#[derive(Debug, Clone, PartialEq)]
struct Counted {
    count: DoneCount,
    /// The sentence it stands in gives a status that is not a denial.
    in_status_sentence: bool,
    /// It stands in a count cell or label ("Antal: 3 av 4").
    labelled: bool,
}

/// What a passage says.
#[derive(Debug, Clone, PartialEq)]
struct Evidence {
    status: Option<(Progress, From)>,
    /// The passage's words give more than one status.
    several: bool,
    text: Option<String>,
    counts: Vec<Counted>,
}

fn label_in(labels: &[&str], labelled: &Labelled) -> bool {
    labels.contains(&lowercase(labelled.label.trim()).as_str())
}

impl Evidence {
    fn of(passage: &Passage) -> Evidence {
        let values = |labels: &[&str]| -> Vec<&str> {
            passage
                .labelled
                .iter()
                .filter(|l| label_in(labels, l))
                .map(|l| l.value.as_str())
                .collect()
        };
        let comments = values(&COMMENT_LABELS);
        let text = comments
            .first()
            .map(|c| c.to_string())
            .or_else(|| (!passage.body.is_empty()).then(|| passage.body.join(" ")))
            .or_else(|| passage.head_is_text.then(|| passage.head.clone()))
            .map(|t| collapse_whitespace(&t))
            .filter(|t| !t.is_empty());
        // The report's own sentences about the activity, beyond its labels.
        let mut own: Vec<&str> = Vec::new();
        if passage.head_is_text {
            own.push(&passage.head);
        }
        own.extend(passage.body.iter().map(String::as_str));
        own.extend(comments.iter().copied());
        let own_sentences: Vec<&str> = own.iter().flat_map(|t| sentences(t)).collect();

        let labelled_status = values(&STATUS_LABELS)
            .into_iter()
            .find_map(status_of_value)
            .map(|s| (s, From::Label));
        let worded: Vec<Progress> = own_sentences
            .iter()
            .filter_map(|s| status_in(s))
            .flat_map(|(_, all)| all)
            .collect();
        let (worded_status, several) = settle(&worded);
        let status = labelled_status
            .or(worded_status.map(|s| (s, From::Words)))
            .or(passage.section.map(|s| (s, From::Section)));

        let mut counts: Vec<Counted> = values(&COUNT_LABELS)
            .into_iter()
            .flat_map(|v| counts_in(v, true))
            .map(|count| Counted {
                count,
                in_status_sentence: true,
                labelled: true,
            })
            .collect();
        for sentence in own_sentences {
            let said = status_in(sentence).map(|(s, _)| s);
            if said.is_some_and(is_denial) {
                continue;
            }
            counts.extend(counts_in(sentence, false).into_iter().map(|count| Counted {
                count,
                in_status_sentence: said.is_some(),
                labelled: false,
            }));
        }
        Evidence {
            status,
            several: labelled_status.is_none() && several,
            text,
            counts,
        }
    }

    /// The count the passage gives activity `a`: from a count cell, else the first number
    /// done of planned ("5 av 8 möten"), or in a sentence that gives a status, or that counts
    /// a word of the activity. None for a status that denies the activity was done, unless
    /// the count is nothing done.
    fn count_for(&self, matcher: &Matcher, a: usize) -> Option<DoneCount> {
        let (status, _) = self.status?;
        self.counts
            .iter()
            .find(|c| {
                c.labelled
                    || c.in_status_sentence
                    || c.count.of.is_some()
                    || c.count.unit.as_deref().is_some_and(|u| matcher.names(a, u))
            })
            .filter(|c| !is_denial(status) || c.count.done == Some(0))
            .map(|c| c.count.clone())
    }
}

/// Statuses that say the activity was not done, or that the report cannot tell.
fn is_denial(status: Progress) -> bool {
    matches!(
        status,
        Progress::NotDone | Progress::NotStarted | Progress::Unassessable
    )
}

/// One status from all a passage's words give, and whether they disagree: partly done with
/// done is partly done (a part was done), otherwise the first.
fn settle(found: &[Progress]) -> (Option<Progress>, bool) {
    let Some(&first) = found.first() else {
        return (None, false);
    };
    let partly = found.contains(&Progress::Partly);
    let others = found
        .iter()
        .any(|&s| s != first && !(partly && matches!(s, Progress::Partly | Progress::Done)));
    if partly
        && found
            .iter()
            .all(|&s| matches!(s, Progress::Partly | Progress::Done))
    {
        return (Some(Progress::Partly), false);
    }
    (Some(first), others)
}

/// The status a status cell or label's value gives: "Genomförd", "Ja", "Delvis".
fn status_of_value(value: &str) -> Option<Progress> {
    let words = words_of(value);
    if let [only] = words.as_slice() {
        if let Some(&(_, status)) = STATUS_VALUES.iter().find(|(v, _)| only.is(v)) {
            return Some(status);
        }
    }
    let (status, _) = settle(&status_in(value)?.1);
    status
}

/// Whether the words from `at` on are `phrase`, each adjacent to the next.
fn phrase_at(text: &str, words: &[Word], at: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, wanted)| {
        words.get(at + k).is_some_and(|w| w.is(wanted))
            && (k == 0 || adjacent(text, &words[at + k - 1], &words[at + k]))
    })
}

/// Whether word `i` is denied by a negation just before it: "ej genomförd", "har ännu inte
/// påbörjats", "Inga möten har hållits".
fn denied(words: &[Word], i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < 3 {
        k -= 1;
        if NEGATIONS.contains(&words[k].lower.as_str()) {
            return true;
        }
        if !NEGATION_GAP.contains(&words[k].lower.as_str()) {
            break;
        }
    }
    (i.saturating_sub(4)..i).any(|k| NONE_WORDS.contains(&words[k].lower.as_str()))
}

/// Whether a status word at `i` is a plan: "ska ha påbörjat", "kommer att vara genomförd".
fn planned(words: &[Word], i: usize) -> bool {
    (i.saturating_sub(PLANNING_REACH)..i).any(|k| PLANNING.contains(&words[k].lower.as_str()))
}

/// Whether `delvis` (or "till viss del") stands a word or two from word `i`.
fn partly_near(text: &str, words: &[Word], i: usize) -> bool {
    let near = i.saturating_sub(3)..(i + 3).min(words.len());
    near.clone().any(|k| words[k].is(PARTLY))
        || near
            .into_iter()
            .any(|k| PARTLY_PHRASES.iter().any(|p| phrase_at(text, words, k, p)))
}

/// The statuses a text's words give, in order, with the first: "genomförd", "pågår", "ej
/// påbörjad", "kan inte bedömas", "delvis genomförd".
fn status_in(text: &str) -> Option<(Progress, Vec<Progress>)> {
    let lower = lowercase(text);
    let words = words_of(&lower);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (status, used) = status_at(&lower, &words, i);
        if let Some(status) = status.filter(|_| !planned(&words, i)) {
            found.push(status);
        }
        i += used.max(1);
    }
    let first = *found.first()?;
    Some((first, found))
}

/// The status the words from `i` give, and how many words it takes.
fn status_at(text: &str, words: &[Word], i: usize) -> (Option<Progress>, usize) {
    let phrases: [(&[&[&str]], Progress); 3] = [
        (&UNASSESSABLE_PHRASES, Progress::Unassessable),
        (&NOT_DONE_PHRASES, Progress::NotDone),
        (&ONGOING_PHRASES, Progress::Ongoing),
    ];
    for (list, status) in phrases {
        if let Some(p) = list.iter().find(|p| phrase_at(text, words, i, p)) {
            return (Some(status), p.len());
        }
    }
    let word = words[i].lower.as_str();
    let could_not = COULD_NOT_BE_DONE.contains(&word)
        && i > 0
        && words[i - 1].is(NEGATION_GAP[3])
        && denied(words, i);
    if could_not {
        return (Some(Progress::NotDone), 1);
    }
    let status = if DONE_WORDS.contains(&word) {
        Some(match (denied(words, i), partly_near(text, words, i)) {
            (true, _) => Progress::NotDone,
            (false, true) => Progress::Partly,
            (false, false) => Progress::Done,
        })
    } else if STARTED_WORDS.contains(&word) {
        Some(if denied(words, i) {
            Progress::NotStarted
        } else {
            Progress::Ongoing
        })
    } else if ONGOING_WORDS.contains(&word) {
        (!denied(words, i)).then_some(Progress::Ongoing)
    } else {
        None
    };
    (status, 1)
}

/// Whether a word is a function word or one every report uses, which tells no activity
/// from another.
fn is_stopword(lower: &str) -> bool {
    STOP.contains(&lower) || MATCH_STOPWORDS.contains(&lower)
}

/// Whether a word says a status by itself, and so tells no activity from another.
fn is_status_word(lower: &str) -> bool {
    DONE_WORDS.contains(&lower)
        || STARTED_WORDS.contains(&lower)
        || ONGOING_WORDS.contains(&lower)
        || lower == PARTLY
}

/// The numbers a text gives of things done: "6 av 8 planerade skolor", "Tre gemensamma
/// tillsyner", "214 fotpatrulleringar", "2 av 2". `bare` is a count cell's value, where a
/// number alone is a count.
fn counts_in(text: &str, bare: bool) -> Vec<DoneCount> {
    let words = words_of(text);
    let in_dates: Vec<(usize, usize)> = dates(text).iter().map(|d| (d.start, d.end)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some((done, after_done)) = number_at(text, &words, i, &in_dates) else {
            i += 1;
            continue;
        };
        let mut j = after_done;
        let mut of = None;
        if words.get(j).is_some_and(|w| w.is(COUNT_OF)) {
            let mut k = j + 1;
            while words
                .get(k)
                .is_some_and(|w| COUNT_OF_FILLERS.contains(&w.lower.as_str()))
            {
                k += 1;
            }
            if let Some((planned, after)) = number_at(text, &words, k, &in_dates) {
                of = Some(planned);
                j = after;
            }
        }
        // An article ("en insats") is a count only as "en av två".
        let article = words[i].text.chars().all(char::is_alphabetic)
            && ARTICLES.contains(&words[i].lower.as_str());
        let unit = unit_after(text, &words, j);
        let is_count = match (of, &unit) {
            (Some(_), _) => true,
            (None, Some(_)) => !article,
            (None, None) => bare && !article,
        };
        let rate = unit
            .as_ref()
            .is_some_and(|(end, _)| per_clause(text, &words, *end + 1).is_some())
            || (i > 0 && AVERAGE_BEFORE.contains(&words[i - 1].lower.as_str()));
        if is_count && !rate && of.is_none_or(|of| of == 0 || done <= of) {
            out.push(DoneCount {
                done: Some(done),
                of,
                unit: unit.map(|(_, u)| u),
            });
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A number at word `i` and the word after it: digits, thousands apart by a space ("1 240"),
/// or a number word; not a year, a date, a label ("vecka 9", "väg 45") or a measure ("3 år").
fn number_at(
    text: &str,
    words: &[Word],
    i: usize,
    in_dates: &[(usize, usize)],
) -> Option<(u32, usize)> {
    let w = words.get(i)?;
    let digits = |w: &Word| w.text.chars().all(|c| c.is_ascii_digit());
    if year(w.text).is_some() || in_dates.iter().any(|&(s, e)| w.start >= s && w.end <= e) {
        return None;
    }
    let before = i.checked_sub(1).map(|k| &words[k]);
    let labelled = before.is_some_and(|b| {
        adjacent(text, b, w)
            && (REPORT_LABEL_BEFORE.contains(&b.lower.as_str())
                || LABEL_BEFORE.contains(&b.lower.as_str()))
    });
    if labelled || is_not_a_count(text, words, i) {
        return None;
    }
    let mut n = count(w.text)?;
    let mut end = i + 1;
    // "1 240": a thousands group after a space, as Swedish writes large numbers.
    while let Some(group) = words.get(end) {
        let gap = &text[words[end - 1].end..group.start];
        let thousands = digits(&words[end - 1])
            && digits(group)
            && group.text.len() == 3
            && gap.chars().count() == 1
            && gap.chars().all(char::is_whitespace);
        if !thousands {
            break;
        }
        n = n
            .checked_mul(1000)?
            .checked_add(group.text.parse::<u32>().ok()?)?;
        end += 1;
    }
    Some((n, end))
}

/// What a count at word `j` on counts: the first word of its noun phrase that is no
/// adjective ("riktade trafikinsatser" → "trafikinsatser"), past "stycken"; with the
/// phrase's last word.
fn unit_after(text: &str, words: &[Word], j: usize) -> Option<(usize, String)> {
    let mut start = j;
    while words
        .get(start)
        .is_some_and(|w| COUNT_FILLERS.contains(&w.lower.as_str()))
    {
        start += 1;
    }
    let first = words.get(start)?;
    if start > 0 && !adjacent(text, &words[start - 1], first) {
        return None;
    }
    let stops =
        |w: &Word| is_stopword(&w.lower) || is_status_word(&w.lower) || count(w.text).is_some();
    if stops(first) {
        return None;
    }
    let len = 1 + phrase_len(text, words, start, 2);
    let phrase: Vec<usize> = (start..start + len)
        .take_while(|&k| k == start || !stops(&words[k]))
        .collect();
    let last = *phrase.last()?;
    // Adjectives before a noun end in -a or -e ("nya", "planerade"); the noun is the first
    // word that does not, or the last.
    let noun = phrase
        .iter()
        .copied()
        .find(|&k| k == last || !words[k].lower.ends_with(['a', 'e']))?;
    Some((last, words[noun].text.to_string()))
}

// ---- Matching passages with activities by their words. ----

/// An agreement's activities as the words that tell them apart.
struct Matcher {
    /// Each activity's stems with their weights.
    activities: Vec<Vec<(String, f64)>>,
    /// The stems of the agreement's places (its kommuner, its lokalpolisområde), which a
    /// report names everywhere.
    places: Vec<String>,
}

/// A text's words as light stems, without function words, numbers, status words and the
/// agreement's places, inflected or not ("Jönköpings", "Jönköping").
fn stems(text: &str, places: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words_of(text) {
        let folded = fold(&w.lower);
        let stem = light_stem(&folded).to_string();
        let skip = folded.chars().count() < 3
            || count(w.text).is_some()
            || is_stopword(&w.lower)
            || is_status_word(&w.lower)
            || places.iter().any(|p| alike(p, &stem) >= 0.7);
        if !skip && !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

/// The part of a passage that names its activity, before its status: "Medborgardialoger"
/// of "Medborgardialoger – Ej genomförda. …", "Trygghetsvandringar" of
/// "Trygghetsvandringar har genomförts på …". None when nothing stands before the status.
fn naming_part(head: &str) -> Option<&str> {
    let lower = lowercase(head);
    let words = words_of(&lower);
    let status_at = (0..words.len())
        .find(|&i| status_at(&lower, &words, i).0.is_some())
        .map(|i| words[i].start);
    let separator = [" – ", " - ", " — ", ": "]
        .iter()
        .filter_map(|s| lower.find(s))
        .min();
    let end = [status_at, separator].into_iter().flatten().min()?;
    // `lower` keeps `head`'s byte offsets only where lowercasing keeps each character's
    // length; elsewhere the whole passage is matched.
    let part = head
        .get(..end)
        .filter(|_| lower.len() == head.len())?
        .trim();
    (!part.is_empty()).then_some(part)
}

/// How alike two stems are: 1 the same, 0.9 nearly all the same beginning (an inflection
/// the light stem left: "eslovs", "eslov"), 0.7 one inside the other (a compound:
/// "kontroll" in "trafikkontroll").
fn alike(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = short
        .chars()
        .zip(long.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let short_len = short.chars().count();
    if shared >= 5 && shared as f64 >= 0.75 * long.chars().count() as f64 {
        0.9
    } else if short_len >= 5 && long.contains(short) {
        0.7
    } else {
        0.0
    }
}

impl Matcher {
    fn new(agreement: &Agreement) -> Matcher {
        let names = agreement.kommuner.iter().chain(&agreement.lokalpolisomrade);
        let places: Vec<String> = names
            .flat_map(|name| words_of(name).into_iter().map(|w| fold(&w.lower)))
            .filter(|w| w.chars().count() >= 3)
            .map(|w| light_stem(&w).to_string())
            .collect();
        let all: Vec<Vec<String>> = agreement
            .activities
            .iter()
            .map(|a| stems(&a.text, &places))
            .collect();
        let n = all.len() as f64;
        let activities = all
            .iter()
            .map(|own| {
                own.iter()
                    .map(|stem| {
                        let df = all
                            .iter()
                            .filter(|other| other.iter().any(|o| alike(stem, o) >= 0.9))
                            .count()
                            .max(1) as f64;
                        (stem.clone(), (1.0 + n / df).ln())
                    })
                    .collect()
            })
            .collect();
        Matcher { activities, places }
    }

    /// The weight of a passage's stem: as in the activity it is most like, or
    /// `UNKNOWN_WEIGHT` when no activity has it.
    fn weight(&self, stem: &str) -> f64 {
        self.activities
            .iter()
            .flatten()
            .filter(|(s, _)| alike(s, stem) >= 0.9)
            .map(|&(_, w)| w)
            .fold(None, |max: Option<f64>, w| {
                Some(max.map_or(w, |m| m.max(w)))
            })
            .unwrap_or(UNKNOWN_WEIGHT)
    }

    /// How well a passage matches each activity, 0 to 1: by all its words, or by the part
    /// before its status that names the activity, whichever matches better.
    fn scores(&self, head: &str) -> Vec<f64> {
        let whole = self.scores_of(head);
        match naming_part(head) {
            Some(part) => whole
                .iter()
                .zip(self.scores_of(part))
                .map(|(a, b)| a.max(b))
                .collect(),
            None => whole,
        }
    }

    /// How well words match each activity: the share of the smaller side's weight the two
    /// have in common, averaged with their cosine, so that a short heading matches a long
    /// activity it names and a long sentence a short activity.
    fn scores_of(&self, head: &str) -> Vec<f64> {
        let passage: Vec<(String, f64)> = stems(head, &self.places)
            .into_iter()
            .map(|s| {
                let w = self.weight(&s);
                (s, w)
            })
            .collect();
        let passage_weight: f64 = passage.iter().map(|(_, w)| w).sum();
        self.activities
            .iter()
            .map(|activity| {
                let activity_weight: f64 = activity.iter().map(|(_, w)| w).sum();
                if passage_weight == 0.0 || activity_weight == 0.0 {
                    return 0.0;
                }
                let shared: f64 = activity
                    .iter()
                    .map(|(stem, w)| {
                        w * passage
                            .iter()
                            .map(|(p, _)| alike(stem, p))
                            .fold(0.0, f64::max)
                    })
                    .sum();
                let containment = (shared / activity_weight.min(passage_weight)).min(1.0);
                let cosine = (shared / (activity_weight * passage_weight).sqrt()).min(1.0);
                (containment + cosine) / 2.0
            })
            .collect()
    }

    /// Whether a word (what a count counts) is one of activity `a`'s, or part of one.
    fn names(&self, a: usize, word: &str) -> bool {
        let stem = light_stem(&fold(&lowercase(word))).to_string();
        self.activities[a]
            .iter()
            .any(|(s, _)| alike(s, &stem) >= 0.7)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(text: &str) -> Option<Progress> {
        status_in(text).map(|(s, _)| s)
    }

    #[test]
    fn status_words_and_their_denials() {
        for (text, expected) in [
            ("Genomförd", Some(Progress::Done)),
            (
                "Två trygghetsvandringar har genomförts.",
                Some(Progress::Done),
            ),
            ("Delvis genomförd", Some(Progress::Partly)),
            ("genomförd till viss del", Some(Progress::Partly)),
            ("Pågår", Some(Progress::Ongoing)),
            ("Arbetet har påbörjats.", Some(Progress::Ongoing)),
            ("Ej påbörjad", Some(Progress::NotStarted)),
            (
                "Arbetet har ännu inte påbörjats.",
                Some(Progress::NotStarted),
            ),
            ("Ej genomförd", Some(Progress::NotDone)),
            ("Har inte genomförts", Some(Progress::NotDone)),
            ("Inga möten har hållits.", Some(Progress::NotDone)),
            (
                "Vandringen har inte kunnat genomföras.",
                Some(Progress::NotDone),
            ),
            ("Dialogerna ställdes in.", Some(Progress::NotDone)),
            ("Kan inte bedömas", Some(Progress::Unassessable)),
            ("Går ej att bedöma.", Some(Progress::Unassessable)),
            ("Kommunen ska ha påbörjat två ärenden.", None),
            ("Fyra trygghetsvandringar skulle genomföras.", None),
            ("Polisen ska genomföra kontroller.", None),
        ] {
            assert_eq!(status(text), expected, "{text:?}");
        }
        assert_eq!(status_of_value("Ja"), Some(Progress::Done));
        assert_eq!(status_of_value("Nej"), Some(Progress::NotDone));
        assert_eq!(status_of_value("Delvis"), Some(Progress::Partly));
    }

    fn counted(text: &str) -> Vec<(Option<u32>, Option<u32>, Option<String>)> {
        counts_in(text, false)
            .into_iter()
            .map(|c| (c.done, c.of, c.unit))
            .collect()
    }

    #[test]
    fn counts_are_numbers_of_things_done() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            counted("Hundsök har gjorts vid 6 av 8 planerade skolor."),
            [(Some(6), Some(8), some("skolor"))]
        );
        assert_eq!(
            counted("Polisen har genomfört fyra stycken krogtillsyner under året."),
            [(Some(4), None, some("krogtillsyner"))]
        );
        assert_eq!(
            counted("Två riktade trafikinsatser har genomförts."),
            [(Some(2), None, some("trafikinsatser"))]
        );
        assert_eq!(
            counted("Enkäten besvarades av 1 240 personer."),
            [(Some(1240), None, some("personer"))]
        );
        assert_eq!(
            counted("en av två insatser har genomförts"),
            [(Some(1), Some(2), some("insatser"))]
        );
        for none in [
            "Budget saknades för 2018.",
            "Besök under vecka 9 och den 1 februari.",
            "Kontroller på väg 45 i årskurs 4.",
            "i genomsnitt fyra pass i veckan",
            "De två skolor som återstod.",
            "En trygghetsvandring hölls.",
            "Det tog 3 år.",
        ] {
            assert_eq!(counted(none), [], "{none:?}");
        }
        assert_eq!(
            counts_in("2 av 2", true),
            [DoneCount {
                done: Some(2),
                of: Some(2),
                unit: None
            }]
        );
        assert_eq!(counts_in("87", true)[0].done, Some(87));
    }

    /// (head, text, status) of each passage of a page's text.
    fn read(page: &str) -> Vec<(String, Option<String>, Option<Progress>)> {
        passages(&Document::from_text(page).blocks)
            .iter()
            .map(|p| {
                let found = Evidence::of(p);
                (p.head.clone(), found.text, found.status.map(|(s, _)| s))
            })
            .collect()
    }

    #[test]
    fn a_restated_promise_is_left_out_and_a_heading_takes_its_one_paragraph() {
        let page = "Det här lovade vi\n\n• Två trygghetsvandringar.\n\n\
            Trygghetsvandringar\nStatus: Genomförd\nTvå vandringar i maj.\n\n\
            Frågor besvaras av kommunpolisen.\n";
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            read(page),
            [
                (
                    "Trygghetsvandringar".to_string(),
                    some("Två vandringar i maj."),
                    Some(Progress::Done)
                ),
                (
                    "Frågor besvaras av kommunpolisen.".to_string(),
                    some("Frågor besvaras av kommunpolisen."),
                    None
                ),
            ]
        );
    }

    #[test]
    fn a_list_takes_the_status_of_its_lead_in_and_its_items_their_own() {
        let page = "Detta har polisen genomfört:\n• Fotpatrullering i centrum.\n\
            • Trafikkontroller, ej påbörjade.\n\nSå gick det:\n• Hundsök i skolor.\n";
        let statuses: Vec<Option<Progress>> = read(page).into_iter().map(|(.., s)| s).collect();
        assert_eq!(
            statuses,
            [Some(Progress::Done), Some(Progress::NotStarted), None]
        );
    }

    #[test]
    fn compounds_and_inflections_are_alike() {
        assert_eq!(alike("skol", "skol"), 1.0);
        assert!(alike(light_stem("kontroller"), light_stem("trafikkontroller")) >= 0.7);
        assert_eq!(
            alike(light_stem("trafikinsatser"), light_stem("trafikkontroller")),
            0.0
        );
    }
}
