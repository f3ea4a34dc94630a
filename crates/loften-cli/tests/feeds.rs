//! The Atom feeds `loften publish` writes, read by a feed reader's parser (feed-rs): which
//! feeds there are, and their ids, dates, links and titles, on the real data and on data
//! changed to reach each rule.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use chrono::{DateTime, NaiveDate, Utc};
use common::real_data;
use feed_rs::model::{Entry, Feed, Link};
use loften_cli::feeds::{feeds, Links};
use loften_core::follow::{agreement_news_date, report_news_date};
use loften_core::{Agreement, Dataset, FollowUp, Report, ReportPeriod};

fn day(text: &str) -> NaiveDate {
    text.parse().expect("an ISO date")
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).expect("midnight").and_utc()
}

/// A feed as a reader that fetched it from `address` reads it.
fn read_from(address: &str, xml: &[u8]) -> Feed {
    feed_rs::parser::Builder::new()
        .base_uri(Some(address))
        .build()
        .parse(xml)
        .unwrap_or_else(|e| panic!("{address}: {e}"))
}

/// A feed as written, its links as they are in the file.
fn read(xml: &[u8]) -> Feed {
    feed_rs::parser::parse(xml).expect("an Atom feed")
}

fn link<'a>(links: &'a [Link], rel: &str) -> &'a str {
    links
        .iter()
        .find(|l| l.rel.as_deref() == Some(rel))
        .map(|l| l.href.as_str())
        .unwrap_or_else(|| panic!("no {rel} link in {links:?}"))
}

fn title(entry: &Entry) -> &str {
    entry.title.as_ref().map_or("", |t| t.content.as_str())
}

/// Every feed under `site/feeds/`, by its path from the site's root.
fn feeds_in(site: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut folders = vec![site.join("feeds")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "xml") {
                let name = path
                    .strip_prefix(site)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// Publish the real data into `site`; the feeds it then holds.
fn publish(site: &Path, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    common::publish(site, extra);
    feeds_in(site)
}

/// What a feed should say of an item: its title, its day and the agreement whose page it
/// links to.
struct Expected {
    title: String,
    date: NaiveDate,
    agreement: String,
}

/// The entries of `agreements` by their ids: one for each agreement and each of its reports.
fn expected_entries<'a>(
    agreements: impl Iterator<Item = &'a Agreement>,
) -> BTreeMap<String, Expected> {
    let mut expected = BTreeMap::new();
    for a in agreements {
        expected.insert(
            format!("urn:medborgarloften:agreement:{}", a.id),
            Expected {
                title: a.name(),
                date: agreement_news_date(a),
                agreement: a.id.clone(),
            },
        );
        for r in a.follow_up.iter().flat_map(|f| &f.reports) {
            let key = r.id.clone().unwrap_or(format!("{}#{}", a.id, r.title));
            expected.insert(
                format!(
                    "urn:medborgarloften:report:{}",
                    loften_core::url::encode(&key)
                ),
                Expected {
                    title: r.title.clone(),
                    date: report_news_date(a, r),
                    agreement: a.id.clone(),
                },
            );
        }
    }
    expected
}

/// Check a feed read from `https://example.org/sub/<path>` against the entries it should hold.
fn check_feed(path: &str, xml: &[u8], expected: &BTreeMap<String, Expected>) {
    let feed = read_from(&format!("https://example.org/sub/{path}"), xml);
    let ids: BTreeSet<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, expected.keys().map(String::as_str).collect(), "{path}");
    assert_eq!(feed.entries.len(), expected.len(), "{path}: an id twice");
    for entry in &feed.entries {
        let want = &expected[&entry.id];
        assert_eq!(title(entry), want.title, "{path}: {}", entry.id);
        assert_eq!(entry.updated, Some(midnight(want.date)), "{}", entry.id);
        assert_eq!(entry.published, Some(midnight(want.date)), "{}", entry.id);
        // Relative to the feed's own address: the page under the same sub-path.
        assert_eq!(
            link(&entry.links, "alternate"),
            format!("https://example.org/sub/medborgarlofte/{}", want.agreement)
        );
    }
    let dates: Vec<_> = feed.entries.iter().map(|e| e.updated).collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first, "{path}: newest first");
    assert_eq!(feed.updated, dates.first().copied().flatten(), "{path}");
    assert_eq!(
        link(&feed.links, "self"),
        format!("https://example.org/sub/{path}")
    );
}

#[test]
fn publish_writes_a_feed_of_everything_and_one_for_each_kommun_and_lan_with_agreements() {
    let site = common::scratch("feeds", "publish");
    let written = publish(&site, &["--date", "2026-12-05"]);
    let data = real_data();

    let mut expected_paths = BTreeSet::from(["feeds/alla.xml".to_string()]);
    for a in &data.agreements {
        for name in &a.kommuner {
            let kommun = data.kommun_by_name(name).expect("a known kommun");
            expected_paths.insert(format!("feeds/kommun/{}.xml", kommun.slug));
        }
        for lan in data.lan_of(a) {
            expected_paths.insert(format!("feeds/lan/{}.xml", lan.code));
        }
    }
    assert_eq!(
        written.keys().cloned().collect::<BTreeSet<_>>(),
        expected_paths
    );

    check_feed(
        "feeds/alla.xml",
        &written["feeds/alla.xml"],
        &expected_entries(data.agreements.iter()),
    );
    for kommun in &data.kommuner {
        let path = format!("feeds/kommun/{}.xml", kommun.slug);
        if let Some(xml) = written.get(&path) {
            let feed = read(xml);
            assert_eq!(
                feed.id,
                format!("urn:medborgarloften:feed:kommun:{}", kommun.slug)
            );
            assert_eq!(
                feed.title.map(|t| t.content),
                Some(format!("Medborgarlöften – {}", kommun.short_name))
            );
            check_feed(
                &path,
                xml,
                &expected_entries(data.agreements_for_kommun(&kommun.short_name)),
            );
        }
    }
    for lan in &data.lan {
        let path = format!("feeds/lan/{}.xml", lan.code);
        if let Some(xml) = written.get(&path) {
            let of_lan = data
                .agreements
                .iter()
                .filter(|a| data.lan_of(a).iter().any(|l| l.code == lan.code));
            check_feed(&path, xml, &expected_entries(of_lan));
            assert_eq!(
                read(xml).id,
                format!("urn:medborgarloften:feed:lan:{}", lan.code)
            );
        }
    }

    // As written, the links are relative to each feed's own address.
    let alla = read(&written["feeds/alla.xml"]);
    assert_eq!(alla.id, "urn:medborgarloften:feed:alla");
    let eslov = alla
        .entries
        .iter()
        .find(|e| e.id == "urn:medborgarloften:agreement:eslov-2016")
        .expect("Eslöv's agreement of 2016");
    assert_eq!(
        link(&eslov.links, "alternate"),
        "../medborgarlofte/eslov-2016"
    );
    assert_eq!(title(eslov), "Medborgarlöften i Eslövs kommun 2016 – Eslöv");
    assert_eq!(eslov.updated, Some(midnight(day("2016-04-07"))), "signed");
    let summary = eslov.summary.as_ref().map(|s| s.content.trim());
    let agreement = data.agreement("eslov-2016").expect("in data/");
    assert_eq!(summary, agreement.summary.as_deref().map(str::trim));
    let jonkoping = read(&written["feeds/kommun/jonkoping.xml"]);
    assert_eq!(
        link(&jonkoping.entries[0].links, "alternate"),
        "../../medborgarlofte/jonkoping-2020"
    );
    assert_eq!(
        link(&jonkoping.links, "alternate"),
        "../../kommun/jonkoping"
    );
    // Jönköping's agreement of 2020 gives no date but its year; its reports of 2018–2019 none
    // at all: they have their agreement's.
    assert_eq!(jonkoping.updated, Some(midnight(day("2020-01-01"))));
    let reports: Vec<&Entry> = jonkoping
        .entries
        .iter()
        .filter(|e| {
            e.id.starts_with("urn:medborgarloften:report:jonkoping-2018-2019")
        })
        .collect();
    assert_eq!(reports.len(), 2);
    for report in reports {
        assert_eq!(report.updated, Some(midnight(day("2018-01-01"))));
    }

    // Published again, every feed is the same, to the byte: ids, dates and order are stable.
    assert_eq!(publish(&site, &[]), written);
    std::fs::remove_dir_all(site).unwrap();
}

#[test]
fn with_a_site_address_the_links_are_absolute() {
    let site = common::scratch("feeds", "site-url");
    let written = publish(
        &site,
        &["--site-url", "https://example.org/medborgarloften/"],
    );
    let feed = read(&written["feeds/kommun/eslov.xml"]);
    assert_eq!(
        link(&feed.links, "self"),
        "https://example.org/medborgarloften/feeds/kommun/eslov.xml"
    );
    assert_eq!(
        link(&feed.links, "alternate"),
        "https://example.org/medborgarloften/kommun/eslov"
    );
    for entry in &feed.entries {
        assert!(
            link(&entry.links, "alternate")
                .starts_with("https://example.org/medborgarloften/medborgarlofte/eslov-"),
            "{entry:?}"
        );
    }
    let lan = read(&written["feeds/lan/12.xml"]);
    assert_eq!(
        link(&lan.links, "alternate"),
        "https://example.org/medborgarloften/?lan=12"
    );

    let output = Command::new(env!("CARGO_BIN_EXE_loften"))
        .args(["publish", "--out", site.to_str().unwrap()])
        .args(["--site-url", "example.org"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not an http:// or https://"));
    std::fs::remove_dir_all(site).unwrap();
}

#[test]
fn feeds_no_longer_written_are_removed_and_rewritten_ones_lose_their_compressed_copies() {
    let site = common::scratch("feeds", "stale");
    publish(&site, &[]);
    let feeds = site.join("feeds");
    for stale in [
        "alla.xml.br",
        "alla.xml.gz",
        "kommun/eslov.xml.br",
        "kommun/atlantis.xml",
        "kommun/atlantis.xml.gz",
        "lan/99.xml",
    ] {
        std::fs::write(feeds.join(stale), "old").unwrap();
    }
    // Not a feed: left alone.
    std::fs::write(feeds.join("LÄSMIG.txt"), "feeds").unwrap();

    // Eslöv's agreements are gone from the data.
    let mut changed = real_data();
    changed.agreements.retain(|a| a.kommuner != ["Eslöv"]);
    let json = site.join("changed.json");
    std::fs::write(&json, serde_json::to_string(&changed).unwrap()).unwrap();
    let written = publish(&site, &["--dataset", json.to_str().unwrap()]);

    for gone in [
        "alla.xml.br",
        "alla.xml.gz",
        "kommun/eslov.xml",
        "kommun/eslov.xml.br",
        "kommun/atlantis.xml",
        "kommun/atlantis.xml.gz",
        "lan/99.xml",
        // Skåne's only agreements were Eslöv's.
        "lan/12.xml",
    ] {
        assert!(!feeds.join(gone).exists(), "{gone} is still there");
    }
    assert!(feeds.join("LÄSMIG.txt").is_file());
    assert!(written.contains_key("feeds/kommun/jonkoping.xml"));
    check_feed(
        "feeds/alla.xml",
        &written["feeds/alla.xml"],
        &expected_entries(changed.agreements.iter()),
    );
    std::fs::remove_dir_all(site).unwrap();
}

fn agreement_mut<'a>(data: &'a mut Dataset, id: &str) -> &'a mut Agreement {
    data.agreements
        .iter_mut()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("{id} is in data/"))
}

fn report(id: &str, published: Option<&str>, ends: Option<&str>) -> Report {
    Report {
        id: Some(id.into()),
        title: format!("Uppföljning {id}"),
        published: published.map(day),
        period: ends.map(|end| ReportPeriod {
            start: day("2016-05-01"),
            end: day(end),
        }),
        ..Report::default()
    }
}

/// The feed of everything for `data`, its entries' days by id.
fn days_in_feed(data: &Dataset) -> BTreeMap<String, NaiveDate> {
    let all = feeds(data, &Links::Relative, day("2026-12-05"));
    let (path, xml) = &all[0];
    assert_eq!(path, "feeds/alla.xml");
    read(xml.as_bytes())
        .entries
        .iter()
        .map(|e| (e.id.clone(), e.updated.expect("a date").date_naive()))
        .collect()
}

#[test]
fn each_item_is_dated_by_the_data_and_by_rule_where_the_data_has_no_date() {
    let mut data = real_data();
    agreement_mut(&mut data, "jonkoping-2020").period.start = Some(day("2020-02-01"));
    agreement_mut(&mut data, "eslov-2016").follow_up = Some(FollowUp {
        cadence: None,
        text: None,
        reports: vec![
            report("eslov-2016-r3", None, None),
            report("eslov-2016-r2", None, Some("2016-08-31")),
            report("eslov-2016-r1", Some("2016-10-01"), Some("2016-08-31")),
        ],
    });
    let days = days_in_feed(&data);
    let urn = |kind: &str, id: &str| format!("urn:medborgarloften:{kind}:{id}");
    for (id, expected) in [
        (urn("agreement", "eslov-2016"), "2016-04-07"),
        (urn("agreement", "jonkoping-2020"), "2020-02-01"),
        (urn("agreement", "jokkmokk-2020-2022"), "2020-01-01"),
        (urn("report", "eslov-2016-r1"), "2016-10-01"),
        (urn("report", "eslov-2016-r2"), "2016-08-31"),
        (urn("report", "eslov-2016-r3"), "2016-04-07"),
    ] {
        assert_eq!(days.get(&id), Some(&day(expected)), "{id}");
    }
}

#[test]
fn text_is_escaped_and_reads_back_as_the_data_has_it() {
    let mut data = real_data();
    let a = agreement_mut(&mut data, "eslov-2016");
    a.title = "Löfte <1> & \"två\" 'tre' ]]> \u{1}".into();
    a.summary = Some("a &lt; b, <b>inte fet</b>".into());
    a.follow_up = Some(FollowUp {
        cadence: None,
        text: None,
        reports: vec![Report {
            title: "Rapport #1 & 2".into(),
            ..Report::default()
        }],
    });
    let all = feeds(&data, &Links::Relative, day("2026-12-05"));
    let feed = read(all[0].1.as_bytes());
    let entry = feed
        .entries
        .iter()
        .find(|e| e.id == "urn:medborgarloften:agreement:eslov-2016")
        .unwrap();
    // The one control character is one XML cannot hold: it is left out.
    assert_eq!(title(entry), "Löfte <1> & \"två\" 'tre' ]]>  – Eslöv");
    assert_eq!(
        entry.summary.as_ref().map(|s| s.content.as_str()),
        Some("a &lt; b, <b>inte fet</b>")
    );
    let report = feed
        .entries
        .iter()
        .find(|e| title(e) == "Rapport #1 & 2")
        .expect("the report");
    assert_eq!(
        report.id,
        "urn:medborgarloften:report:eslov-2016%23Rapport+%231+%26+2"
    );
}

#[test]
fn data_without_agreements_has_one_empty_feed_dated_by_its_publication() {
    let all = feeds(&Dataset::default(), &Links::Relative, day("2026-12-05"));
    assert_eq!(all.len(), 1);
    let feed = read(all[0].1.as_bytes());
    assert!(feed.entries.is_empty());
    assert_eq!(feed.updated, Some(midnight(day("2026-12-05"))));
}
