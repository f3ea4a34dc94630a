//! The typed model of the dataset, one struct per JSON object of `data/`.
//!
//! Field names are English (`data/agreement.schema.json` describes each); values stay in the
//! source's Swedish.
//!
//! The serde derives give every format its shape: the JSON files of `data/` and the open-data
//! file, the JSON download, and the app's binary bundle (`crate::bundle`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most topics a dataset may have: the query engine keeps a record's topics as the bits of
/// a `u64`, and the validator holds the data to that.
pub const MAX_TOPICS: usize = 64;

/// One medborgarlöfte (or an announcement of one), as in `data/agreements/<id>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Agreement {
    pub id: String,
    pub kind: AgreementKind,
    pub title: String,
    pub kommuner: Vec<String>,
    pub lokalpolisomrade: Option<String>,
    pub period: Period,
    /// In the files as an ISO date, "2016-01-21".
    pub signed: Option<NaiveDate>,
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    pub summary: Option<String>,
    pub situation: Option<String>,
    #[serde(default)]
    pub priorities: Vec<String>,
    #[serde(default)]
    pub promises: Vec<Promise>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    pub effect: Option<String>,
    pub follow_up: Option<FollowUp>,
    pub source: Source,
    pub notes: Option<String>,
}

impl Agreement {
    /// Its title and kommuner, as a page about it is named: "Medborgarlöfte 2020 – Jönköping".
    pub fn name(&self) -> String {
        format!("{} – {}", self.title, self.kommuner.join(", "))
    }

    /// Its name and period, as it heads a list of its records elsewhere (saved items, an
    /// area's mentions): "Medborgarlöfte 2020 – Jönköping (2020)".
    pub fn heading(&self) -> String {
        format!("{} ({})", self.name(), self.period.label())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgreementKind {
    /// The promises and activities themselves.
    Agreement,
    /// A source that reports a signing without the promises' contents.
    Announcement,
}

/// Years inclusive; exact dates only when the source gives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: i32,
    pub to: i32,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl Period {
    pub fn covers_year(&self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }

    /// "2020" or "2020–2022".
    pub fn label(&self) -> String {
        if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{}–{}", self.from, self.to)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Promise {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub areas: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    Polisen,
    Kommunen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub promise: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub areas: Vec<String>,
    pub frequency: Option<Frequency>,
}

impl Activity {
    /// Both police and kommun named: the source's "gemensamt".
    pub fn is_joint(&self) -> bool {
        self.actors.contains(&Actor::Polisen) && self.actors.contains(&Actor::Kommunen)
    }
}

/// "minst två … per år" → count 2, min, per år; `text` is the source's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frequency {
    pub count: Option<u32>,
    #[serde(default)]
    pub min: bool,
    pub per: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    Tertial,
    Kvartal,
    #[serde(rename = "år")]
    Ar,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub cadence: Option<Cadence>,
    pub text: Option<String>,
    /// Newest first, as the sources list them.
    #[serde(default)]
    pub reports: Vec<Report>,
}

/// A published follow-up report. Most sources give only its title; the rest is filled in
/// when the report itself is at hand (`loften followup import`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Unique in the dataset, e.g. "jonkoping-2018-2019-r2".
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    /// The time the report covers.
    #[serde(default)]
    pub period: Option<ReportPeriod>,
    /// In the files as an ISO date.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub url: Option<String>,
    /// The report's text: a file name under `data/sources/`.
    #[serde(default)]
    pub document: Option<String>,
    /// What the report says of each activity it speaks of; an activity it does not name has
    /// no entry (it was not followed up, which is not the same as not done).
    #[serde(default)]
    pub statuses: Vec<ActivityStatus>,
}

/// In JSON a field without a value is left out, so that a report the source gives only the
/// title of reads `{ "title": … }`, as the files always had it. A binary format such as the
/// bundle's has no field names to tell a left-out field by, so there every field is written,
/// `None` and empty lists included.
impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let every_field = !serializer.is_human_readable();
        let id = every_field || self.id.is_some();
        let period = every_field || self.period.is_some();
        let published = every_field || self.published.is_some();
        let url = every_field || self.url.is_some();
        let document = every_field || self.document.is_some();
        let statuses = every_field || !self.statuses.is_empty();
        let written = [id, true, period, published, url, document, statuses]
            .into_iter()
            .filter(|&w| w)
            .count();
        let mut report = serializer.serialize_struct("Report", written)?;
        macro_rules! field {
            ($write:expr, $name:literal, $value:expr) => {
                if $write {
                    report.serialize_field($name, $value)?;
                } else {
                    report.skip_field($name)?;
                }
            };
        }
        field!(id, "id", &self.id);
        report.serialize_field("title", &self.title)?;
        field!(period, "period", &self.period);
        field!(published, "published", &self.published);
        field!(url, "url", &self.url);
        field!(document, "document", &self.document);
        field!(statuses, "statuses", &self.statuses);
        report.end()
    }
}

/// The days a report covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// What one report says of one activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityStatus {
    /// The id of an activity of the same agreement.
    pub activity: String,
    pub status: Progress,
    /// The report's own words about the activity, verbatim.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub count: Option<DoneCount>,
}

/// How far an activity has come, in a report's judgement. (Not "status": `views::Status` is
/// where an agreement's period stands.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    Done,
    Ongoing,
    Partly,
    NotStarted,
    NotDone,
    /// The report says it cannot tell.
    Unassessable,
}

impl Progress {
    /// Every status, in the order a form lists them.
    pub const ALL: [Progress; 6] = [
        Progress::Done,
        Progress::Ongoing,
        Progress::Partly,
        Progress::NotStarted,
        Progress::NotDone,
        Progress::Unassessable,
    ];
}

/// How much of what was planned was done: 52 of 100 trafikkontroller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneCount {
    #[serde(default)]
    pub done: Option<u32>,
    #[serde(default)]
    pub of: Option<u32>,
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub publisher: Option<String>,
    /// File name under `data/sources/`.
    pub document: Option<String>,
    pub url: Option<String>,
}

/// A named place from `data/areas.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// `<kommun-slug>/<area-slug>`.
    pub id: String,
    pub name: String,
    pub kommun: String,
    pub kind: AreaKind,
}

impl Area {
    /// The part of the id after the kommun: the `:area` of `/omrade/:kommun/:area`.
    pub fn slug(&self) -> &str {
        self.id
            .split_once('/')
            .map_or(self.id.as_str(), |(_, area)| area)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AreaKind {
    Stadsdel,
    Ort,
    Centrum,
    Plats,
}

/// A topic of `data/topics.json`, named in both interface languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub sv: String,
    pub en: String,
}

/// A row of `data/kommuner.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kommun {
    /// SCB's four-digit kommunkod.
    pub code: String,
    /// "Malmö stad", "Jönköpings kommun".
    pub name: String,
    /// "Malmö", "Jönköping": what agreements use.
    pub short_name: String,
    pub lan_code: String,
    pub slug: String,
}

/// A row of `data/lan.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lan {
    pub code: String,
    pub name: String,
    pub short_name: String,
}
