//! `loften`: the dataset's command line. Validate the data, bundle it for the app, import a
//! published page as a draft, or make a synthetic dataset for benchmarks.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use loften_core::{DataFiles, Dataset};

const USAGE: &str = "\
loften: the Medborgarlöften dataset

USAGE:
    loften validate [DIR]                       check data/ (default DIR: data)
    loften bundle [--data DIR] --out DIR        validate, then write DIR/data/bundle.bin (the app's, binary),
                                                DIR/data/medborgarloften.json (open data) and DIR/data/sources/
    loften import PAGE.txt [--data DIR] [--out DIR]
                                                draft agreements from a published page's text:
                                                printed as JSON, or written to DIR/<id>.draft.json;
                                                each draft lists what to check under review
    loften synth --agreements N [--seed S] --out FILE
                                                a synthetic bundle for benchmarks (never real data), as JSON
    loften pack FILE.json --out FILE.bin        a dataset in JSON (from synth, or an open-data file) as
                                                the app's binary bundle
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") => validate(args.get(1).map_or("data", String::as_str)),
        Some("bundle") => bundle(&args[1..]),
        Some("import") => import_command(&args[1..]),
        Some("synth") => synth_command(&args[1..]),
        Some("pack") => pack_command(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The value after `--name` in an argument list.
fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
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

fn validate(dir: &str) -> Result<(), String> {
    let data = load(Path::new(dir))?;
    let promises: usize = data.agreements.iter().map(|a| a.promises.len()).sum();
    let activities: usize = data.agreements.iter().map(|a| a.activities.len()).sum();
    println!(
        "{dir}: valid: {} agreements, {promises} promises, {activities} activities, {} areas, {} topics, {} kommuner, {} län",
        data.agreements.len(),
        data.areas.len(),
        data.topics.len(),
        data.kommuner.len(),
        data.lan.len()
    );
    Ok(())
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn bundle(args: &[String]) -> Result<(), String> {
    let data_dir = PathBuf::from(flag(args, "--data").unwrap_or("data"));
    let out = PathBuf::from(flag(args, "--out").ok_or("bundle needs --out DIR")?);
    let data = load(&data_dir)?;
    // The app reads the binary bundle (smaller and faster to read); people get the JSON.
    let bundle = loften_core::bundle::encode(&data);
    write(&out.join("data/bundle.bin"), &bundle)?;
    let open_data = serde_json::to_string_pretty(&data).map_err(|e| e.to_string())?;
    write(&out.join("data/medborgarloften.json"), &open_data)?;
    // Every agreement links to its source's text, so the sources ship with the app.
    for (name, text) in DataFiles::read_dir(&data_dir)?.sources {
        write(&out.join("data/sources").join(name), &text)?;
    }
    println!(
        "bundled {} agreements into {} (bundle.bin {} bytes, medborgarloften.json {} bytes)",
        data.agreements.len(),
        out.join("data").display(),
        bundle.len(),
        open_data.len()
    );
    Ok(())
}

/// `loften pack FILE.json --out FILE.bin`: a whole dataset in JSON (what `synth` writes, or
/// the open-data file) as the app's binary bundle. Not validated: synthetic data is not meant
/// to pass the checks of real data.
fn pack_command(args: &[String]) -> Result<(), String> {
    let input = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .ok_or("pack needs FILE.json, a dataset in JSON")?;
    let out = PathBuf::from(flag(args, "--out").ok_or("pack needs --out FILE.bin")?);
    let text = std::fs::read_to_string(input).map_err(|e| format!("cannot read {input}: {e}"))?;
    let data: Dataset =
        serde_json::from_str(&text).map_err(|e| format!("{input}: not a dataset in JSON: {e}"))?;
    let bundle = loften_core::bundle::encode(&data);
    write(&out, &bundle)?;
    println!(
        "packed {} agreements from {input} into {} ({} bytes)",
        data.agreements.len(),
        out.display(),
        bundle.len()
    );
    Ok(())
}

fn synth_command(args: &[String]) -> Result<(), String> {
    let count: usize = flag(args, "--agreements")
        .ok_or("synth needs --agreements N")?
        .parse()
        .map_err(|_| "--agreements takes a number")?;
    let seed: u64 = flag(args, "--seed")
        .unwrap_or("1")
        .parse()
        .map_err(|_| "--seed takes a number")?;
    let out = PathBuf::from(flag(args, "--out").ok_or("synth needs --out FILE")?);
    let data_dir = PathBuf::from(flag(args, "--data").unwrap_or("data"));
    // Reference data (kommuner, topics) comes from the real dataset; the agreements do not.
    let real = load(&data_dir)?;
    let synthetic = loften_cli::synth::generate(&real, count, seed);
    let json = serde_json::to_string(&synthetic).map_err(|e| e.to_string())?;
    write(&out, &json)?;
    let activities: usize = synthetic
        .agreements
        .iter()
        .map(|a| a.activities.len())
        .sum();
    println!(
        "wrote {} synthetic agreements, {activities} activities, to {} ({} bytes)",
        synthetic.agreements.len(),
        out.display(),
        json.len()
    );
    Ok(())
}

/// `loften import PAGE.txt [--data DIR] [--out DIR]`: the page's agreements as drafts, to
/// check and complete by hand before they join data/agreements/.
fn import_command(args: &[String]) -> Result<(), String> {
    use loften_cli::import::{decode_page, import_page, Reference};
    // The page is the argument that is neither a flag nor a flag's value.
    let page = args
        .iter()
        .enumerate()
        .find(|&(i, a)| !a.starts_with("--") && (i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| PathBuf::from(a))
        .ok_or("import needs PAGE.txt, the text of a published medborgarlöfte page")?;
    let data_dir = PathBuf::from(flag(args, "--data").unwrap_or("data"));
    let bytes = std::fs::read(&page).map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let (text, warning) = decode_page(&bytes).map_err(|e| format!("{}: {e}", page.display()))?;
    if let Some(warning) = warning {
        eprintln!("{}: {warning}", page.display());
    }
    // Kommuner, topics and areas come from the dataset, so it must be valid.
    let reference = Reference::from_dataset(&load(&data_dir)?);
    let file_name = page
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let drafts = import_page(&text, file_name, &reference);
    if drafts.is_empty() {
        return Err(format!(
            "{}: no medborgarlöfte found: no promises or activities under the headings such pages use, and no signing reported",
            page.display()
        ));
    }
    let Some(out) = flag(args, "--out") else {
        println!(
            "{}",
            serde_json::to_string_pretty(&drafts).map_err(|e| e.to_string())?
        );
        return Ok(());
    };
    for draft in &drafts {
        let path = Path::new(out).join(format!("{}.draft.json", draft.agreement.id));
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
