//! `loften`: the dataset's command line. Validate the data, publish it for the app, import a
//! published page as a draft, take in a follow-up report's statuses, or make a synthetic
//! dataset for benchmarks.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use loften_core::{DataFiles, Dataset};

use clap::{Parser, Subcommand};

/// The Medborgarlöften dataset: check it, publish it for the app, import published pages.
#[derive(Parser)]
#[command(name = "loften", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a data folder: every file, field and reference; every problem is reported.
    Validate {
        /// The data folder.
        #[arg(default_value = "data")]
        dir: PathBuf,
    },
    /// Validate, then publish the data into the site OUT: OUT/data/manifest.json, the
    /// version's copy in OUT/data/manifests/, its chunks in OUT/data/chunks/ (chunks of
    /// earlier versions are left for the clients that hold them), the open data
    /// OUT/data/medborgarloften.json, the follow-up statuses OUT/data/uppfoljningar.csv, the
    /// sources in OUT/data/sources/ and the Atom feeds in OUT/feeds/ (alla.xml,
    /// kommun/<slug>.xml, lan/<code>.xml). Deploying these alone updates every client: no
    /// release of the app is needed.
    Publish {
        /// The data folder.
        #[arg(long, value_name = "DIR", default_value = "data")]
        data: PathBuf,
        /// A dataset in JSON to publish instead (from synth, for benchmarks): not validated.
        #[arg(long, value_name = "FILE.json")]
        dataset: Option<PathBuf>,
        /// The data's date (YYYY-MM-DD); by default today, or the date this very version was
        /// published on if OUT holds it already.
        #[arg(long, value_name = "DATE")]
        date: Option<chrono::NaiveDate>,
        /// The site's folder.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The site's public address (https://…/): the feeds' links are then absolute under
        /// it, rather than relative to each feed's own address.
        #[arg(long, value_name = "URL")]
        site_url: Option<String>,
        /// How search is published: whole (a search loads all the data) or in parts (a search
        /// loads the parts of the words typed). By default whole up to 512 KB of data, and in
        /// parts beyond.
        #[arg(long, value_enum)]
        search: Option<SearchArg>,
    },
    /// Take earlier versions of the data off the site OUT: every version but the current one,
    /// the RECENT newest before it and those the site's pages were rendered from, with the
    /// chunks and search folders no version kept needs. A client that read a version taken off
    /// moves to the current one.
    Prune {
        /// The site's folder.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// How many of the newest earlier versions stay besides the current one.
        #[arg(long, value_name = "RECENT", default_value_t = 2)]
        keep: usize,
        /// Say what would be removed, and remove nothing.
        #[arg(long)]
        dry_run: bool,
    },
    #[command(
        long_about = IMPORT_ABOUT,
        after_long_help = IMPORT_EXAMPLES,
    )]
    /// Draft agreements from a published medborgarlöfte page: its text, a saved HTML page
    /// or a web address.
    Import(ImportArgs),
    /// Follow-up reports: a sheet to fill in from one, and the filled sheet taken into the
    /// agreement's file.
    #[command(subcommand)]
    Followup(FollowupCommand),
    /// A synthetic dataset for benchmarks (never real data), as JSON.
    Synth {
        /// How many agreements to make.
        #[arg(long, value_name = "N")]
        agreements: usize,
        /// Seed of the random numbers: the same seed gives the same dataset.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// The data folder whose kommuner and topics the synthetic agreements use.
        #[arg(long, value_name = "DIR", default_value = "data")]
        data: PathBuf,
        /// The JSON file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// A dataset in JSON (from synth, or an open-data file) as the app's binary bundle.
    /// Not validated: synthetic data is not meant to pass the checks of real data.
    Pack {
        /// The dataset in JSON.
        #[arg(value_name = "FILE.json")]
        input: PathBuf,
        /// The binary bundle to write.
        #[arg(long, value_name = "FILE.bin")]
        out: PathBuf,
    },
}

const IMPORT_ABOUT: &str = "\
Draft agreements from a published medborgarlöfte page, to check and complete by hand before
they join data/agreements/.

PAGE is one of:
  - a text file: the page's text as copied from a browser (UTF-8; Latin-1 is read too);
  - a saved HTML page (recognised by its content, whatever its name): only the main content
    is read; navigation, cookie notices, \"Till toppen\" links and footers are dropped, and
    its lists and headings keep their structure;
  - a web address (http:// or https://): the page is fetched (giving up after --timeout
    seconds) and read
    as HTML or text, as the server says.

A page may hold several agreements (several years, or two kommuner); each becomes a draft.
A page that only reports a signing gives an announcement. Texts of promises and activities
are copied verbatim. What the importer is unsure of (who does an activity, which kommun,
the period, a frequency) is never guessed: it is left empty and written to the draft's
\"review\" list, in Swedish and English.";

const IMPORT_EXAMPLES: &str = "\
Examples:
  loften import sida.txt                      print the drafts as JSON
  loften import sparad-sida.html --out drafts write drafts/<id>.draft.json
  loften import https://example.se/medborgarloften";

#[derive(clap::Args)]
struct ImportArgs {
    /// The page: a text file, a saved HTML file, or an http(s):// address.
    #[arg(value_name = "PAGE")]
    page: String,
    /// The data folder: the kommuner, topics and areas drafts are matched against.
    #[arg(long, value_name = "DIR", default_value = "data")]
    data: PathBuf,
    /// Write each draft to DIR/<id>.draft.json instead of printing them.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Seconds to wait for a web address's page before giving up.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    timeout: u64,
}

#[derive(Subcommand)]
enum FollowupCommand {
    /// Write a sheet (CSV) to fill in from a follow-up report: one row per activity of the
    /// agreement, its id and text given; status, text, done, of and unit left empty.
    Template {
        /// The agreement's id, e.g. jonkoping-2018-2019.
        #[arg(value_name = "AGREEMENT_ID")]
        agreement: String,
        #[command(flatten)]
        sheet: SheetArgs,
    },
    #[command(long_about = FOLLOWUP_DRAFT_ABOUT)]
    /// Draft the sheet from a follow-up report's page: the statuses, texts and counts it
    /// gives, for review before `followup import`.
    Draft(FollowupDraftArgs),
    #[command(long_about = FOLLOWUP_IMPORT_ABOUT)]
    /// Take a filled sheet into the agreement's file as a follow-up report with statuses.
    Import(FollowupImportArgs),
}

const FOLLOWUP_DRAFT_ABOUT: &str = "\
Draft the sheet of `loften followup template` from a follow-up report's page, with the status,
text and count of each activity the report speaks of filled in, for an official to review
before `loften followup import`.

SOURCE is a text file, a saved HTML page or a web address, as `loften import` reads them.
The report's tables (Aktivitet | Status | Kommentar), \"Status:\" or \"Genomfört:\" lines under
an activity, lists with the status after a dash or colon, and sentences such as \"12
trygghetsvandringar har genomförts\" are read. A status is written only where the report
gives one; the text is copied verbatim; a count only from the report's numbers. An activity
the report does not mention keeps an empty row (\"Ingen uppföljning publicerad\", never
\"not done\").

Review notes go to stderr, in Swedish and English: activities the report mentions without a
status or not at all, passages with a status that match no activity, weak or close matches.
A page that cannot be read is an error and nothing is written.";

/// Where a sheet is written, and how, with the data folder it is made from.
#[derive(clap::Args)]
struct SheetArgs {
    /// The data folder.
    #[arg(long, value_name = "DIR", default_value = "data")]
    data: PathBuf,
    /// The sheet to write; printed when not given.
    #[arg(long, value_name = "FILE.csv")]
    out: Option<PathBuf>,
    /// Separate with commas, without a byte-order mark, instead of the semicolons and mark
    /// that Excel in Swedish opens into columns.
    #[arg(long)]
    comma: bool,
}

impl SheetArgs {
    fn dialect(&self) -> loften_core::followups::sheet::SheetDialect {
        use loften_core::followups::sheet::SheetDialect;
        if self.comma {
            SheetDialect::Comma
        } else {
            SheetDialect::Excel
        }
    }
}

#[derive(clap::Args)]
struct FollowupDraftArgs {
    /// The report: a text file, a saved HTML file, or an http(s):// address.
    #[arg(value_name = "SOURCE")]
    source: String,
    /// The agreement the report follows up, e.g. jonkoping-2018-2019.
    #[arg(long, value_name = "ID")]
    agreement: String,
    #[command(flatten)]
    sheet: SheetArgs,
    /// Seconds to wait for a web address's page before giving up.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    timeout: u64,
}

const FOLLOWUP_IMPORT_ABOUT: &str = "\
Take a filled sheet into the agreement's file as a follow-up report with statuses.

The sheet is the one `loften followup template` writes, filled in a spreadsheet and saved as
CSV UTF-8, with semicolons or commas. On each row:
  status  one of done, ongoing, partly, not-started, not-done, unassessable, or the Swedish
          Genomförd, Pågår, Delvis genomförd, Ej påbörjad, Ej genomförd, Kan inte bedömas
          (any case); empty when the report does not speak of the activity
  text    the report's words about the activity, verbatim, or empty
  done, of, unit   a count the report gives (52 of 100 trafikkontroller), or empty

A report with the same id (or one without an id and with the same title) is replaced;
otherwise the report is added among the agreement's reports, newest first. The whole
dataset is checked with the report in it, and every problem of every row is reported:
nothing is written unless all is well.";

#[derive(clap::Args)]
struct FollowupImportArgs {
    /// The filled sheet.
    #[arg(value_name = "FILE.csv")]
    sheet: PathBuf,
    /// The agreement's id.
    #[arg(long, value_name = "ID")]
    agreement: String,
    /// The report's id, unique in the dataset, e.g. jonkoping-2018-2019-r2.
    #[arg(long, value_name = "REPORT_ID")]
    report: String,
    /// The report's title, as it is published.
    #[arg(long, value_name = "TITLE")]
    title: String,
    /// The first day the report covers (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", requires = "period_end")]
    period_start: Option<chrono::NaiveDate>,
    /// The last day the report covers (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", requires = "period_start")]
    period_end: Option<chrono::NaiveDate>,
    /// When the report was published (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    published: Option<chrono::NaiveDate>,
    /// Where the report is published.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// The report's text, a file in the data folder's sources/.
    #[arg(long, value_name = "FILE.txt")]
    document: Option<String>,
    /// The data folder.
    #[arg(long, value_name = "DIR", default_value = "data")]
    data: PathBuf,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Validate { dir } => validate(&dir),
        Command::Publish {
            data,
            dataset,
            date,
            out,
            site_url,
            search,
        } => publish_command(
            &data,
            dataset.as_deref(),
            date,
            &out,
            site_url.as_deref(),
            search.map(SearchArg::into),
        ),
        Command::Prune { out, keep, dry_run } => prune_command(&out, keep, dry_run),
        Command::Import(args) => import_command(&args),
        Command::Followup(FollowupCommand::Template { agreement, sheet }) => {
            followup_template_command(&agreement, &sheet)
        }
        Command::Followup(FollowupCommand::Draft(args)) => followup_draft_command(&args),
        Command::Followup(FollowupCommand::Import(args)) => followup_import_command(&args),
        Command::Synth {
            agreements,
            seed,
            data,
            out,
        } => synth_command(agreements, seed, &data, &out),
        Command::Pack { input, out } => pack_command(&input, &out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn load(dir: &Path) -> Result<Dataset, String> {
    let files = DataFiles::read_dir(dir)?;
    Dataset::from_files(&files).map_err(|problems| {
        let mut message = format!("{} has {} problem(s):\n", dir.display(), problems.len());
        for p in &problems {
            message.push_str(&format!("  {p}\n"));
        }
        message
    })
}

fn prune_command(site: &Path, keep: usize, dry_run: bool) -> Result<(), String> {
    use loften_cli::prune::Reason;
    let pruned = loften_cli::prune::prune(site, keep, dry_run)?;
    for (version, reason) in &pruned.plan.kept {
        let why = match reason {
            Reason::Current => "the current version",
            Reason::Rendered => "a page of the site was rendered from it",
            Reason::Recent => "among the newest",
        };
        println!("keeps {} of {}: {why}", version.version, version.date);
    }
    for version in &pruned.plan.dropped {
        println!("takes off {} of {}", version.version, version.date);
    }
    println!(
        "{} {} files and folders, {} bytes{}",
        if dry_run { "would remove" } else { "removed" },
        pruned.plan.remove.len(),
        pruned.bytes,
        if dry_run {
            " (nothing was removed)"
        } else {
            ""
        }
    );
    Ok(())
}

fn validate(dir: &Path) -> Result<(), String> {
    let data = load(dir)?;
    let promises: usize = data.agreements.iter().map(|a| a.promises.len()).sum();
    let activities: usize = data.agreements.iter().map(|a| a.activities.len()).sum();
    println!(
        "{}: valid: {} agreements, {promises} promises, {activities} activities, {} areas, {} topics, {} kommuner, {} län",
        dir.display(),
        data.agreements.len(),
        data.areas.len(),
        data.topics.len(),
        data.kommuner.len(),
        data.lan.len()
    );
    Ok(())
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    loften_cli::write_file(path, contents)
}

/// `publish --search`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum SearchArg {
    Whole,
    Parts,
}

impl From<SearchArg> for loften_core::published::SearchIn {
    fn from(arg: SearchArg) -> Self {
        match arg {
            SearchArg::Whole => loften_core::published::SearchIn::Whole,
            SearchArg::Parts => loften_core::published::SearchIn::Parts,
        }
    }
}

fn publish_command(
    data_dir: &Path,
    dataset: Option<&Path>,
    date: Option<chrono::NaiveDate>,
    out: &Path,
    site_url: Option<&str>,
    search: Option<loften_core::published::SearchIn>,
) -> Result<(), String> {
    use loften_cli::feeds::{write_feeds, Links};
    use loften_cli::publish::{publish_into, today, write_site_file};
    let links = site_url.map_or(Ok(Links::Relative), Links::under)?;
    let data = match dataset {
        Some(file) => read_dataset_json(file)?,
        None => load(data_dir)?,
    };
    let manifest = publish_into(out, &data, date, today(), search)?;
    let open_data = serde_json::to_string_pretty(&data).map_err(|e| e.to_string())?;
    write_site_file(&out.join("data/medborgarloften.json"), &open_data)?;
    // What the follow-up reports say, as a sheet of its own for those who count.
    let everything = loften_core::Index::new(&data).search_without_facets(&Default::default());
    let statuses = loften_core::views::export_statuses_csv(&data, &everything);
    write_site_file(&out.join("data/uppfoljningar.csv"), statuses)?;
    // Every agreement links to its source's text, so the sources are published with the data.
    for (name, text) in DataFiles::read_dir(data_dir)?.sources {
        write_site_file(&out.join("data/sources").join(name), &text)?;
    }
    let feeds = write_feeds(out, &data, &links, manifest.date)?;
    let bytes: u64 = manifest.chunks.iter().map(|c| c.bytes).sum();
    let search = manifest
        .search
        .as_ref()
        .map_or("whole".into(), |s| format!("in parts in {}", s.dir));
    println!(
        "published {} agreements into {}: version {} of {}, {} chunks, {bytes} bytes, search {search}; {feeds} feeds in {}",
        data.agreements.len(),
        out.join("data").display(),
        manifest.version,
        manifest.date,
        manifest.chunks.len(),
        out.join(loften_cli::feeds::FEEDS_DIR).display(),
    );
    Ok(())
}

fn read_dataset_json(input: &Path) -> Result<Dataset, String> {
    let text = std::fs::read_to_string(input)
        .map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a dataset in JSON: {e}", input.display()))
}

fn pack_command(input: &Path, out: &Path) -> Result<(), String> {
    let data = read_dataset_json(input)?;
    let bundle = loften_core::bundle::encode(&data);
    write(out, &bundle)?;
    println!(
        "packed {} agreements from {} into {} ({} bytes)",
        data.agreements.len(),
        input.display(),
        out.display(),
        bundle.len()
    );
    Ok(())
}

fn synth_command(count: usize, seed: u64, data_dir: &Path, out: &Path) -> Result<(), String> {
    // Reference data (kommuner, topics) comes from the real dataset; the agreements do not.
    let real = load(data_dir)?;
    let synthetic = loften_cli::synth::generate(&real, count, seed);
    let json = serde_json::to_string(&synthetic).map_err(|e| e.to_string())?;
    write(out, &json)?;
    let activities: usize = synthetic
        .agreements
        .iter()
        .map(|a| a.activities.len())
        .sum();
    let distinct_words = loften_cli::synth::word_counts(&synthetic).len();
    println!(
        "wrote {} synthetic agreements, {activities} activities, {distinct_words} distinct words, to {} ({} bytes)",
        synthetic.agreements.len(),
        out.display(),
        json.len()
    );
    Ok(())
}

/// `loften import PAGE`: the page's agreements as drafts, to check and complete by hand
/// before they join data/agreements/.
fn import_command(args: &ImportArgs) -> Result<(), String> {
    use loften_cli::import::{import_input, input, Reference};
    let page = input::PageInput::read(&args.page, Duration::from_secs(args.timeout))?;
    for warning in &page.warnings {
        eprintln!("{}: {warning}", args.page);
    }
    // Kommuner, topics and areas come from the dataset, so it must be valid.
    let reference = Reference::from_dataset(&load(&args.data)?);
    let drafts = import_input(&page, &reference);
    if drafts.is_empty() {
        return Err(format!(
            "{}: no medborgarlöfte found: no promises or activities under the headings such pages use, and no signing reported",
            args.page
        ));
    }
    let Some(out) = &args.out else {
        println!(
            "{}",
            serde_json::to_string_pretty(&drafts).map_err(|e| e.to_string())?
        );
        return Ok(());
    };
    for draft in &drafts {
        let path = out.join(format!("{}.draft.json", draft.agreement.id));
        write(
            &path,
            &serde_json::to_string_pretty(draft).map_err(|e| e.to_string())?,
        )?;
        println!(
            "wrote {} ({} notes to review)",
            path.display(),
            draft.review.len()
        );
    }
    Ok(())
}

/// `loften followup draft SOURCE --agreement ID`: the sheet with what the report says filled
/// in, and the notes to review it by.
fn followup_draft_command(args: &FollowupDraftArgs) -> Result<(), String> {
    use loften_cli::import::input::PageInput;
    let files = DataFiles::read_dir(&args.sheet.data)?;
    let page = PageInput::read(&args.source, Duration::from_secs(args.timeout))?;
    let drafted = loften_cli::followup::draft(&files, &args.agreement, &page, args.sheet.dialect())
        .map_err(|e| format!("{}: {e}", args.source))?;
    for warning in &page.warnings {
        eprintln!("{}: {warning}", args.source);
    }
    for note in &drafted.review {
        eprintln!("- {note}");
    }
    match &args.sheet.out {
        Some(out) => write(out, &drafted.sheet)?,
        None => print!("{}", drafted.sheet),
    }
    eprintln!(
        "{} of {} activities have a status from the report{}; check the sheet against the report, then run `loften followup import` with it",
        drafted.statuses,
        drafted.activities,
        args.sheet
            .out
            .as_ref()
            .map(|o| format!(" in {}", o.display()))
            .unwrap_or_default(),
    );
    Ok(())
}

fn followup_template_command(agreement: &str, args: &SheetArgs) -> Result<(), String> {
    let files = DataFiles::read_dir(&args.data)?;
    let sheet = loften_cli::followup::template(&files, agreement, args.dialect())?;
    match &args.out {
        Some(out) => {
            write(out, &sheet)?;
            eprintln!(
                "wrote {}: fill in a row per activity the report speaks of",
                out.display()
            );
        }
        None => print!("{sheet}"),
    }
    Ok(())
}

fn followup_import_command(args: &FollowupImportArgs) -> Result<(), String> {
    use loften_cli::followup::{import, sheet_text, ReportDetails};
    let bytes = std::fs::read(&args.sheet)
        .map_err(|e| format!("cannot read {}: {e}", args.sheet.display()))?;
    let sheet = sheet_text(bytes).map_err(|e| format!("{}: {e}", args.sheet.display()))?;
    let files = DataFiles::read_dir(&args.data)?;
    let period = args
        .period_start
        .zip(args.period_end)
        .map(|(start, end)| loften_core::ReportPeriod { start, end });
    let details = ReportDetails {
        agreement: args.agreement.clone(),
        id: args.report.clone(),
        title: args.title.clone(),
        period,
        published: args.published,
        url: args.url.clone(),
        document: args.document.clone(),
    };
    let imported =
        import(&files, &sheet, &details).map_err(|e| format!("{}: {e}", args.sheet.display()))?;
    let path = args.data.join(&imported.file);
    write(&path, &imported.text)?;
    println!(
        "{} report {} in {}: {} activities with a status",
        if imported.replaced {
            "replaced"
        } else {
            "added"
        },
        args.report,
        path.display(),
        imported.statuses
    );
    Ok(())
}
