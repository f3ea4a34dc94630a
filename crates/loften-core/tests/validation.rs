//! Each validation rule, shown rejecting a broken copy of the real data with the right message.

mod common;

use loften_core::dataset::PERIOD_YEARS;
use loften_core::{DataFiles, Dataset, Problem};
use serde_json::Value;

/// The real files with one agreement's JSON changed by `edit`.
fn with_agreement(id: &str, edit: impl FnOnce(&mut Value)) -> DataFiles {
    let mut files = common::real_files();
    let name = format!("{id}.json");
    let entry = files
        .agreements
        .iter_mut()
        .find(|(n, _)| *n == name)
        .expect("agreement exists");
    let mut value: Value = serde_json::from_str(&entry.1).unwrap();
    edit(&mut value);
    entry.1 = serde_json::to_string_pretty(&value).unwrap();
    files
}

fn problems(files: &DataFiles) -> Vec<Problem> {
    Dataset::from_files(files).expect_err("the broken data must be rejected")
}

/// Exactly one problem, in that file and field, whose message contains `words`.
fn assert_one(files: &DataFiles, file: &str, field: &str, words: &str) -> Problem {
    let found = problems(files);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let p = found.into_iter().next().unwrap();
    assert_eq!(p.file, file);
    assert_eq!(p.field, field);
    assert!(
        p.message.contains(words),
        "message {:?} lacks {words:?}",
        p.message
    );
    assert!(!p.fix.is_empty());
    p
}

#[test]
fn the_real_data_is_valid() {
    let data = common::real_data();
    assert_eq!(data.agreements.len(), 7);
    assert_eq!(data.kommuner.len(), 290);
    assert_eq!(data.lan.len(), 21);
}

#[test]
fn every_seed_document_is_in_the_dataset() {
    let data = common::real_data();
    let seeds = std::fs::read_dir(common::data_dir().join("../../shared/seeds"))
        .or_else(|_| std::fs::read_dir(common::data_dir().join("sources")))
        .unwrap();
    for seed in seeds {
        let name = seed.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            data.agreements
                .iter()
                .any(|a| a.source.document.as_deref() == Some(name.as_str())),
            "no agreement comes from {name}"
        );
    }
}

#[test]
fn unknown_kommun() {
    let files = with_agreement("jonkoping-2020", |v| {
        v["kommuner"][0] = "Jönköpings kommun".into()
    });
    let p = assert_one(
        &files,
        "agreements/jonkoping-2020.json",
        "kommuner[0]",
        "unknown kommun \"Jönköpings kommun\"",
    );
    assert!(p.fix.contains("kommuner.csv"));
}

#[test]
fn duplicate_ids() {
    let files = with_agreement("jonkoping-2020", |v| {
        v["activities"][1]["id"] = "jonkoping-2020-a1".into()
    });
    assert_one(
        &files,
        "agreements/jonkoping-2020.json",
        "activities[1].id",
        "duplicate id \"jonkoping-2020-a1\"",
    );
}

#[test]
fn duplicate_ids_across_files() {
    let files = with_agreement("eslov-2016", |v| {
        v["activities"][0]["id"] = "jonkoping-2020-a1".into()
    });
    let found = problems(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("duplicate id \"jonkoping-2020-a1\""),
        "{found:#?}"
    );
    assert!(
        found[0].message.contains("jonkoping-2020.json")
            || found[0].file.contains("jonkoping-2020.json")
    );
}

#[test]
fn an_agreement_copied_to_another_file_is_reported_in_each_file() {
    // A copy with one change of its own: its problems are the copy's, and each duplicate id
    // is reported on one file with the other named.
    let mut files = common::real_files();
    let original = "agreements/jonkoping-2020.json";
    let copy = "agreements/jonkoping-2020-kopia.json";
    let (_, text) = files
        .agreements
        .iter()
        .find(|(n, _)| n == "jonkoping-2020.json")
        .expect("agreement exists")
        .clone();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["kommuner"][0] = "Gotham".into();
    let ids = 1
        + value["promises"].as_array().unwrap().len()
        + value["activities"].as_array().unwrap().len();
    files.agreements.push((
        "jonkoping-2020-kopia.json".to_string(),
        serde_json::to_string_pretty(&value).unwrap(),
    ));
    files.agreements.sort();
    let found = problems(&files);

    let in_copy = |field: &str, words: &str| {
        found
            .iter()
            .any(|p| p.file == copy && p.field == field && p.message.contains(words))
    };
    assert!(
        in_copy("kommuner[0]", "unknown kommun \"Gotham\""),
        "{found:#?}"
    );
    assert!(in_copy("id", "does not match the file name"), "{found:#?}");

    let duplicates: Vec<&Problem> = found
        .iter()
        .filter(|p| p.message.contains("duplicate id"))
        .collect();
    assert_eq!(duplicates.len(), ids, "{found:#?}");
    for p in &duplicates {
        let other = if p.file == copy { original } else { copy };
        assert!(p.file == original || p.file == copy, "{p:#?}");
        assert!(
            p.message.ends_with(&format!("also used in {other}")),
            "{p:#?}"
        );
    }
    assert_eq!(found.len(), 2 + ids, "{found:#?}");
}

#[test]
fn unknown_topic() {
    let files = with_agreement("jonkoping-2020", |v| {
        v["promises"][0]["topics"][0] = "otrygghet".into()
    });
    let p = assert_one(
        &files,
        "agreements/jonkoping-2020.json",
        "promises[0].topics[0]",
        "unknown topic \"otrygghet\"",
    );
    assert!(p.fix.contains("topics.json"));
}

#[test]
fn unknown_area() {
    let files = with_agreement("jonkoping-2020", |v| {
        v["activities"][4]["areas"] = serde_json::json!(["jonkoping/rosenlund"])
    });
    assert_one(
        &files,
        "agreements/jonkoping-2020.json",
        "activities[4].areas[0]",
        "unknown area \"jonkoping/rosenlund\"",
    );
}

#[test]
fn period_that_ends_before_it_starts() {
    let files = with_agreement("jokkmokk-2020-2022", |v| v["period"]["to"] = 2019.into());
    assert_one(
        &files,
        "agreements/jokkmokk-2020-2022.json",
        "period",
        "ends (2019) before it starts (2020)",
    );
}

#[test]
fn period_years_outside_the_schema() {
    let files = with_agreement("jokkmokk-2020-2022", |v| v["period"]["to"] = 2500.into());
    let p = assert_one(
        &files,
        "agreements/jokkmokk-2020-2022.json",
        "period.to",
        "the year 2500 is outside 2000–2100",
    );
    assert!(p.fix.contains("2000 to 2100"), "{p:#?}");
    let files = with_agreement("jokkmokk-2020-2022", |v| v["period"]["from"] = 1999.into());
    assert_one(
        &files,
        "agreements/jokkmokk-2020-2022.json",
        "period.from",
        "the year 1999 is outside 2000–2100",
    );
    // The bounds themselves are years the schema allows.
    let files = with_agreement("jokkmokk-2020-2022", |v| {
        v["period"]["from"] = 2000.into();
        v["period"]["to"] = 2100.into();
    });
    Dataset::from_files(&files).expect("2000–2100 is within the schema");
}

#[test]
fn period_years_agree_with_the_schema() {
    let text = std::fs::read_to_string(common::data_dir().join("agreement.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    for field in ["from", "to"] {
        let year = &schema["properties"]["period"]["properties"][field];
        assert_eq!(
            year["minimum"].as_i64(),
            Some(i64::from(*PERIOD_YEARS.start())),
            "period.{field}"
        );
        assert_eq!(
            year["maximum"].as_i64(),
            Some(i64::from(*PERIOD_YEARS.end())),
            "period.{field}"
        );
    }
}

#[test]
fn invalid_dates() {
    let files = with_agreement("eslov-2017", |v| v["signed"] = "2017-02-30".into());
    let p = assert_one(
        &files,
        "agreements/eslov-2017.json",
        "signed",
        "\"2017-02-30\" is not a valid date",
    );
    assert!(p.fix.contains("YYYY-MM-DD"));
    let files = with_agreement("eslov-2017", |v| {
        v["period"]["start"] = "15 februari 2017".into()
    });
    assert_one(
        &files,
        "agreements/eslov-2017.json",
        "period.start",
        "is not a valid date",
    );
}

#[test]
fn activity_pointing_at_a_missing_promise() {
    let files = with_agreement("eslov-2016", |v| {
        v["activities"][0]["promise"] = "eslov-2016-l9".into()
    });
    assert_one(
        &files,
        "agreements/eslov-2016.json",
        "activities[0].promise",
        "promise \"eslov-2016-l9\"",
    );
}

#[test]
fn empty_text() {
    let files = with_agreement("eslov-2016", |v| v["promises"][1]["text"] = "  ".into());
    assert_one(
        &files,
        "agreements/eslov-2016.json",
        "promises[1].text",
        "empty text",
    );
}

#[test]
fn text_not_verbatim_in_its_source() {
    // One changed word ("Polisen ska" → "Polisen kommer att") is enough.
    let files = with_agreement("jonkoping-2020", |v| {
        let text = v["activities"][0]["text"]
            .as_str()
            .unwrap()
            .replace("Polisen ska", "Polisen kommer att");
        v["activities"][0]["text"] = text.into();
    });
    let p = assert_one(
        &files,
        "agreements/jonkoping-2020.json",
        "activities[0].text",
        "not verbatim in the source",
    );
    assert!(p.fix.contains("001_a31d958f5b0b3e22.txt"));
}

#[test]
fn line_breaks_in_the_source_do_not_count_as_differences() {
    // The source breaks this paragraph across lines; the data has it on one.
    let data = common::real_data();
    let a = data.agreement("jonkoping-2016").unwrap();
    assert!(a
        .summary
        .as_deref()
        .unwrap()
        .contains("arbeta med för att öka tryggheten"));
}

#[test]
fn frequency_words_must_be_the_activitys_own() {
    let files = with_agreement("jokkmokk-2020-2022", |v| {
        v["activities"][0]["frequency"]["text"] = "två gånger om året".into()
    });
    assert_one(
        &files,
        "agreements/jokkmokk-2020-2022.json",
        "activities[0].frequency.text",
        "not part of the activity's text",
    );
}

#[test]
fn broken_json_names_file_line_and_column() {
    let mut files = common::real_files();
    files.agreements[0].1 = files.agreements[0].1.replacen("\"title\":", "\"title\"", 1);
    let found = problems(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].file,
        format!("agreements/{}", files.agreements[0].0)
    );
    assert!(found[0].field.starts_with("line "), "{:?}", found[0].field);
}

#[test]
fn misspelt_field_is_rejected() {
    let files = with_agreement("eslov-2016", |v| {
        let signed = v["signed"].take();
        v.as_object_mut().unwrap().remove("signed");
        v["signedOn"] = signed;
    });
    let found = problems(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("signedOn"),
        "{}",
        found[0].message
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let files = with_agreement("jonkoping-2020", |v| {
        v["kommuner"][0] = "Gotham".into();
        v["signed"] = "igår".into();
        v["activities"][2]["promise"] = "nope".into();
    });
    assert_eq!(problems(&files).len(), 3);
}

#[test]
fn unknown_kommun_in_areas_and_mismatched_area_id() {
    let mut files = common::real_files();
    files.areas_json =
        files
            .areas_json
            .replacen("\"kommun\": \"Eslöv\"", "\"kommun\": \"Eslof\"", 1);
    let found = problems(&files);
    assert!(
        found
            .iter()
            .any(|p| p.file == "areas.json" && p.message.contains("unknown kommun \"Eslof\"")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.file == "areas.json" && p.field.ends_with(".id")),
        "{found:#?}"
    );
}

#[test]
fn missing_source_document() {
    let files = with_agreement("eslov-2016", |v| {
        v["source"]["document"] = "999_missing.txt".into()
    });
    assert_one(
        &files,
        "agreements/eslov-2016.json",
        "source.document",
        "not in data/sources/",
    );
}

// ---- follow-up reports -----------------------------------------------------------------------

const JONKOPING_2018: &str = "agreements/jonkoping-2018-2019.json";

/// Jönköping 2018–2019 with its second report (tertial 3 2018) given everything, valid, then
/// changed by `edit`; its text is in data/sources/uppfoljning-t3-2018.txt.
fn with_report(edit: impl FnOnce(&mut Value)) -> DataFiles {
    let mut files = with_agreement("jonkoping-2018-2019", |v| {
        let report = &mut v["followUp"]["reports"][1];
        report["id"] = "jonkoping-2018-2019-r2".into();
        report["period"] = serde_json::json!({ "start": "2018-09-01", "end": "2018-12-31" });
        report["published"] = "2019-01-20".into();
        report["document"] = "uppfoljning-t3-2018.txt".into();
        report["statuses"] = serde_json::json!([
            {
                "activity": "jonkoping-2018-2019-a1",
                "status": "partly",
                "text": "Trafikkontroller har genomförts vid skolorna.",
                "count": { "done": 52, "of": 100, "unit": "trafikkontroller" }
            },
            {
                "activity": "jonkoping-2018-2019-a2",
                "status": "not-started",
                "text": null,
                "count": null
            }
        ]);
        edit(v);
    });
    files.sources.push((
        "uppfoljning-t3-2018.txt".into(),
        "Aktivitet 1\n\nTrafikkontroller har genomförts\nvid skolorna. Arbetet fortsätter.\n"
            .into(),
    ));
    files
}

#[test]
fn a_report_with_every_field_is_valid() {
    let data = Dataset::from_files(&with_report(|_| {})).expect("the report is valid");
    let report = &data
        .agreement("jonkoping-2018-2019")
        .unwrap()
        .follow_up
        .as_ref()
        .unwrap()
        .reports[1];
    assert_eq!(report.statuses.len(), 2);
    // A report may also be only its title and any one of its fields.
    let files = with_report(|v| {
        let report = &mut v["followUp"]["reports"][1];
        report["period"] = Value::Null;
        report["document"] = Value::Null;
        report["statuses"][0]["count"] = serde_json::json!({ "done": 3 });
    });
    Dataset::from_files(&files).expect("without period and document, with a count of 3");
}

#[test]
fn report_ids_are_unique_in_the_dataset() {
    let files =
        with_report(|v| v["followUp"]["reports"][0]["id"] = "jonkoping-2018-2019-r2".into());
    let found = problems(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].file, JONKOPING_2018);
    assert!(
        found[0].field.starts_with("followUp.reports["),
        "{found:#?}"
    );
    assert!(found[0]
        .message
        .contains("duplicate id \"jonkoping-2018-2019-r2\""));
    // Nor may a report take the id of another kind of record, in another file.
    let files = with_report(|v| v["followUp"]["reports"][1]["id"] = "eslov-2016-a1".into());
    let found = problems(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("duplicate id \"eslov-2016-a1\""),
        "{found:#?}"
    );
}

#[test]
fn a_report_id_has_the_schema_s_shape() {
    let files = with_report(|v| v["followUp"]["reports"][1]["id"] = "Tertial 3".into());
    let p = assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].id",
        "\"Tertial 3\"",
    );
    assert!(p.fix.contains("jonkoping-2018-2019-r2"), "{p:#?}");
}

#[test]
fn a_status_names_an_activity_of_its_own_agreement() {
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["statuses"][1]["activity"] = "jonkoping-2020-a1".into()
    });
    let p = assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].statuses[1].activity",
        "activity \"jonkoping-2020-a1\", which this agreement does not have",
    );
    assert!(
        p.fix
            .contains("loften followup template jonkoping-2018-2019"),
        "{p:#?}"
    );
}

#[test]
fn a_report_gives_one_status_per_activity() {
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["statuses"][1]["activity"] = "jonkoping-2018-2019-a1".into()
    });
    assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].statuses[1].activity",
        "has a status in this report already, at statuses[0]",
    );
}

#[test]
fn a_report_s_period_starts_before_it_ends() {
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["period"] =
            serde_json::json!({ "start": "2018-12-31", "end": "2018-09-01" })
    });
    assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].period",
        "ends 2018-09-01 before it starts 2018-12-31",
    );
}

#[test]
fn a_report_s_period_is_inside_the_agreement_s() {
    // The agreement covers 2018–2019 in whole years.
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["period"] =
            serde_json::json!({ "start": "2017-09-01", "end": "2018-12-31" })
    });
    assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].period.start",
        "2017-09-01 is before the agreement's period, which starts 2018-01-01",
    );
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["period"] =
            serde_json::json!({ "start": "2019-09-01", "end": "2020-01-31" })
    });
    assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].period.end",
        "2020-01-31 is after the agreement's period, which ends 2019-12-31",
    );
    // Exact dates of the agreement bound it more closely than its years.
    let files = with_report(|v| {
        v["period"]["start"] = "2018-10-01".into();
    });
    assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].period.start",
        "2018-09-01 is before the agreement's period, which starts 2018-10-01",
    );
}

#[test]
fn a_report_s_dates_are_real_dates_each_named() {
    let files = with_report(|v| {
        let report = &mut v["followUp"]["reports"][1];
        report["period"]["end"] = "2018-12-32".into();
        report["published"] = "20 januari 2019".into();
    });
    let found = problems(&files);
    let fields: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "followUp.reports[1].period.end",
            "followUp.reports[1].published"
        ],
        "{found:#?}"
    );
    assert!(found[0]
        .message
        .contains("\"2018-12-32\" is not a valid date"));
    assert!(found.iter().all(|p| p.fix.contains("YYYY-MM-DD")));
}

#[test]
fn a_count_does_not_exceed_what_was_planned() {
    let files =
        with_report(|v| v["followUp"]["reports"][1]["statuses"][0]["count"]["done"] = 120.into());
    let p = assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].statuses[0].count.done",
        "120 done of 100",
    );
    assert!(p.fix.contains("report"));
    // Of 0 says nothing of a plan, so any number done is allowed.
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["statuses"][0]["count"] =
            serde_json::json!({ "done": 4, "of": 0, "unit": null })
    });
    Dataset::from_files(&files).expect("of 0 is no plan to exceed");
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["statuses"][0]["count"] = serde_json::json!({ "unit": "st" })
    });
    assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].statuses[0].count",
        "neither done nor of",
    );
}

#[test]
fn a_report_s_document_is_in_the_sources() {
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["document"] = "uppfoljning-saknas.txt".into();
    });
    let p = assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].document",
        "\"uppfoljning-saknas.txt\" is not in data/sources/",
    );
    assert!(p.fix.contains("data/sources/"));
}

#[test]
fn a_status_s_text_is_verbatim_in_its_report() {
    let files = with_report(|v| {
        v["followUp"]["reports"][1]["statuses"][0]["text"] =
            "Trafikkontroller har gjorts vid skolorna.".into()
    });
    let p = assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].statuses[0].text",
        "not verbatim in the report",
    );
    assert!(p.fix.contains("uppfoljning-t3-2018.txt"), "{p:#?}");
    let files = with_report(|v| v["followUp"]["reports"][1]["statuses"][0]["text"] = " ".into());
    assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].statuses[0].text",
        "empty text",
    );
}

#[test]
fn a_report_has_a_title() {
    let files = with_report(|v| v["followUp"]["reports"][1]["title"] = "".into());
    assert_one(
        &files,
        JONKOPING_2018,
        "followUp.reports[1].title",
        "empty title",
    );
}

#[test]
fn a_status_word_outside_the_list_is_named() {
    let files =
        with_report(|v| v["followUp"]["reports"][1]["statuses"][0]["status"] = "klar".into());
    let found = problems(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("klar"), "{found:#?}");
    assert!(found[0].message.contains("not-started"), "{found:#?}");
}

#[test]
fn the_real_data_has_no_follow_up_statuses() {
    // The real sources name reports but give no statuses; none may be made up.
    let data = common::real_data();
    for agreement in &data.agreements {
        for report in agreement.follow_up.iter().flat_map(|f| &f.reports) {
            assert!(
                report.statuses.is_empty(),
                "{}: {}",
                agreement.id,
                report.title
            );
        }
    }
}
