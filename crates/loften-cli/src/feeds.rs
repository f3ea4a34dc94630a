//! Atom 1.0 feeds of the published data, so that a feed reader hears of new agreements and
//! follow-up reports without anyone visiting the site: `feeds/alla.xml` (everything),
//! `feeds/kommun/<slug>.xml` for every kommun with agreements, and `feeds/lan/<code>.xml` for
//! every län with agreements. `loften publish` writes them with the data.
//!
//! - Entries: one per agreement and one per follow-up report, newest first. An agreement's
//!   title is its name ("Medborgarlöfte 2020 – Jönköping"), its summary the agreement's own
//!   (none when it has none); a report's title is its own, its summary names its agreement.
//! - Ids are names, never addresses, so they stay when the site moves:
//!   `urn:medborgarloften:agreement:<id>`, `urn:medborgarloften:report:<key>` (the report's
//!   id, or for a report the data gives no id its agreement's id and title,
//!   percent-encoded: `follow::report_key`), and `urn:medborgarloften:feed:alla`,
//!   `…:feed:kommun:<slug>`, `…:feed:lan:<code>` for the feeds.
//! - Dates come from the data only, as `follow` reads them: an agreement is dated by its
//!   signing, else the start of its period, else 1 January of its first year; a report by its
//!   publication, else the end of the period it covers, else its agreement's date. A day is
//!   written as midnight UTC (Atom wants a time). `published` and `updated` are that day; a
//!   feed's `updated` is its newest entry's, or the data's publication date for a feed with
//!   no entries (`alla.xml` of a dataset without agreements), so the same data always gives
//!   the same feeds.
//! - Links go to the pages (`/medborgarlofte/<id>`, a report to its agreement's): relative to
//!   the feed's own address (`../medborgarlofte/<id>` from `feeds/alla.xml`,
//!   `../../medborgarlofte/<id>` from a kommun's), so the feeds work wherever the site is
//!   served, under a sub-path too; with `loften publish --site-url URL`, absolute under URL,
//!   for readers that copy links out of the feed.
//!
//! Every publish writes every feed again and removes those it did not write (a kommun whose
//! agreements are gone), with their compressed copies.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use loften_core::follow::{agreement_news_date, report_key, report_news_date};
use loften_core::route::{Feed, Route};
use loften_core::{url, Agreement, Dataset, Query};

use crate::publish::write_site_file;

/// Where the feeds are, relative to the site's root.
pub const FEEDS_DIR: &str = "feeds";
/// What every feed is called, and the start of each of their titles.
const SITE_NAME: &str = "Medborgarlöften";

/// Where a feed's links point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Links {
    /// Relative to the feed's own address.
    Relative,
    /// Absolute, under the site's address (which ends in `/`).
    Under(String),
}

impl Links {
    /// Absolute links under `site_url`, an http or https address.
    pub fn under(site_url: &str) -> Result<Links, String> {
        if !(site_url.starts_with("https://") || site_url.starts_with("http://")) {
            return Err(format!(
                "--site-url {site_url:?} is not an http:// or https:// address"
            ));
        }
        Ok(Links::Under(format!("{}/", site_url.trim_end_matches('/'))))
    }

    /// The address of `page` (a path from the site's root, "/medborgarlofte/x") as written in
    /// the feed at `feed` (a path from the site's root, "feeds/alla.xml").
    fn href(&self, feed: &str, page: &str) -> String {
        let page = page.trim_start_matches('/');
        match self {
            Links::Relative => format!("{}{page}", "../".repeat(feed.matches('/').count())),
            Links::Under(site) => format!("{site}{page}"),
        }
    }
}

/// One entry of a feed.
struct Entry {
    id: String,
    title: String,
    date: NaiveDate,
    /// The page's path from the site's root.
    page: String,
    summary: Option<String>,
}

/// An agreement's entry, then one for each of its reports.
fn entries_of(agreement: &Agreement) -> Vec<Entry> {
    let page = Route::Agreement {
        id: agreement.id.clone(),
    }
    .href();
    let mut entries = vec![Entry {
        id: format!("urn:medborgarloften:agreement:{}", agreement.id),
        title: agreement.name(),
        date: agreement_news_date(agreement),
        page: page.clone(),
        summary: agreement.summary.clone(),
    }];
    let reports = agreement.follow_up.iter().flat_map(|f| &f.reports);
    entries.extend(reports.map(|report| Entry {
        id: format!(
            "urn:medborgarloften:report:{}",
            url::encode(&report_key(agreement, report))
        ),
        title: report.title.clone(),
        date: report_news_date(agreement, report),
        page: page.clone(),
        summary: Some(format!("Uppföljning av {}", agreement.heading())),
    }));
    entries
}

/// What one feed is about, and which agreements (by their place in the dataset) it holds.
struct About {
    path: String,
    id: String,
    title: String,
    /// The site's page of the same things.
    page: String,
    agreements: Vec<usize>,
}

impl About {
    /// The feed of a kommun or a län (`kind`, as in its id) by its slug or code; none for
    /// one without agreements.
    fn of(
        feed: Feed,
        kind: &str,
        key: &str,
        name: &str,
        page: Route,
        agreements: Vec<usize>,
    ) -> Option<About> {
        (!agreements.is_empty()).then(|| About {
            path: feed.path(),
            id: format!("urn:medborgarloften:feed:{kind}:{key}"),
            title: format!("{SITE_NAME} – {name}"),
            page: page.href(),
            agreements,
        })
    }
}

/// Every feed of `data`, as (path from the site's root, XML): `alla.xml` first, then the
/// kommuner's and the län's, in the order the dataset lists them. `published` is the data's publication
/// date, for a feed without entries.
pub fn feeds(data: &Dataset, links: &Links, published: NaiveDate) -> Vec<(String, String)> {
    let entries: Vec<Vec<Entry>> = data.agreements.iter().map(entries_of).collect();
    let lan_of: Vec<Vec<&str>> = data
        .agreements
        .iter()
        .map(|a| data.lan_of(a).iter().map(|l| l.code.as_str()).collect())
        .collect();
    let mut feeds = vec![About {
        path: Feed::All.path(),
        id: "urn:medborgarloften:feed:alla".into(),
        title: SITE_NAME.into(),
        page: Route::home().href(),
        agreements: (0..data.agreements.len()).collect(),
    }];
    // Every kommun and län with agreements has a feed; alla.xml is there even without any.
    let holding = |holds: &dyn Fn(usize) -> bool| -> Vec<usize> {
        (0..data.agreements.len()).filter(|&i| holds(i)).collect()
    };
    feeds.extend(data.kommuner.iter().filter_map(|kommun| {
        let agreements = holding(&|i| data.agreements[i].kommuner.contains(&kommun.short_name));
        let page = Route::Kommun {
            slug: kommun.slug.clone(),
        };
        let feed = Feed::Kommun(kommun.slug.clone());
        About::of(
            feed,
            "kommun",
            &kommun.slug,
            &kommun.short_name,
            page,
            agreements,
        )
    }));
    feeds.extend(data.lan.iter().filter_map(|lan| {
        let agreements = holding(&|i| lan_of[i].contains(&lan.code.as_str()));
        let page = Route::Home(Query {
            lan: vec![lan.code.clone()],
            ..Query::default()
        });
        let feed = Feed::Lan(lan.code.clone());
        About::of(feed, "lan", &lan.code, &lan.name, page, agreements)
    }));
    feeds
        .into_iter()
        .map(|about| {
            let mut chosen: Vec<&Entry> =
                about.agreements.iter().flat_map(|&i| &entries[i]).collect();
            // A stable sort: entries of one day stay in the dataset's order.
            chosen.sort_by_key(|entry| std::cmp::Reverse(entry.date));
            let xml = feed_xml(&about, &chosen, links, published);
            (about.path, xml)
        })
        .collect()
}

/// A day as Atom writes a moment: midnight UTC.
fn timestamp(day: NaiveDate) -> String {
    format!("{day}T00:00:00Z")
}

fn feed_xml(about: &About, entries: &[&Entry], links: &Links, published: NaiveDate) -> String {
    let href = |page: &str| escape(&links.href(&about.path, page));
    let updated = entries.iter().map(|e| e.date).max().unwrap_or(published);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"sv\">\n");
    xml.push_str(&format!("  <id>{}</id>\n", escape(&about.id)));
    xml.push_str(&format!("  <title>{}</title>\n", escape(&about.title)));
    xml.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        href(&about.path)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        href(&about.page)
    ));
    xml.push_str(&format!("  <author><name>{SITE_NAME}</name></author>\n"));
    for entry in entries {
        let day = timestamp(entry.date);
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <id>{}</id>\n", escape(&entry.id)));
        xml.push_str(&format!("    <title>{}</title>\n", escape(&entry.title)));
        xml.push_str(&format!("    <published>{day}</published>\n"));
        xml.push_str(&format!("    <updated>{day}</updated>\n"));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            href(&entry.page)
        ));
        if let Some(summary) = &entry.summary {
            xml.push_str(&format!("    <summary>{}</summary>\n", escape(summary)));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// Text for XML, in an element or an attribute's quotes. Characters XML 1.0 cannot hold at
/// all, even as a reference (most control characters), are left out.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' => out.push(c),
            c if c >= '\u{10000}' => out.push(c),
            _ => {}
        }
    }
    out
}

/// Write every feed of `data` into `site/feeds/`, and remove the feeds an earlier publish
/// wrote that this one does not. Returns how many feeds were written.
pub fn write_feeds(
    site: &Path,
    data: &Dataset,
    links: &Links,
    published: NaiveDate,
) -> Result<usize, String> {
    let feeds = feeds(data, links, published);
    for (path, xml) in &feeds {
        write_site_file(&site.join(path), xml)?;
    }
    let written: HashSet<PathBuf> = feeds.iter().map(|(path, _)| site.join(path)).collect();
    let dir = site.join(FEEDS_DIR);
    for folder in [dir.clone(), dir.join("kommun"), dir.join("lan")] {
        remove_stale_feeds(&folder, &written)?;
    }
    Ok(feeds.len())
}

/// Remove the feeds in `folder` that are not `written`, and the compressed copies of each.
fn remove_stale_feeds(folder: &Path, written: &HashSet<PathBuf>) -> Result<(), String> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("cannot read {}: {e}", folder.display())),
    };
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?
            .path();
        let name = path.to_string_lossy();
        let feed = PathBuf::from(
            name.strip_suffix(".br")
                .or_else(|| name.strip_suffix(".gz"))
                .unwrap_or(&name),
        );
        let is_feed = feed.extension().is_some_and(|e| e == "xml");
        if path.is_file() && is_feed && !written.contains(&feed) {
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    Ok(())
}
