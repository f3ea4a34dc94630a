//! Swedish-aware text: slugs, case folding for search, and collation for sorting.

/// URL slug: lowercase ASCII, å/ä→a, ö→o, é→e, any other separator→"-".
///
/// `slug("Upplands Väsby") == "upplands-vasby"`, `slug("Malung-Sälen") == "malung-salen"`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(fold_char) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Lowercase one character, keeping one character (so positions survive folding). Where
/// Unicode lowercases to more than one (İ → i̇), the first is kept.
pub fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Lowercase and drop the diacritics a Swedish reader may leave out when typing:
/// "Öxnehaga" → "oxnehaga". One character in, one out.
pub fn fold_char(c: char) -> char {
    match lower_char(c) {
        'å' | 'ä' | 'á' | 'à' | 'â' | 'æ' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' | 'ù' | 'û' => 'u',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

pub fn lowercase(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Whether a character belongs inside a word: Unicode letters and digits, so "14 kap 1 §"
/// splits and a name in any script is a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of a text, lowercased (not folded), in order.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(lowercase)
}

/// Weights of a character in Swedish order: a–z, then å, ä, ö. The first number is the
/// letter; the second tells apart letters Swedish treats as variants of one (é of e, ü of y,
/// æ of ä, ø of ö), which only decide when the letters are otherwise the same.
fn swedish_weight(c: char) -> (u32, u32) {
    let c = lower_char(c);
    let letter = |l: char| 100 + (l as u32 - 'a' as u32);
    match c {
        'a'..='z' => (letter(c), 0),
        'é' | 'è' | 'ê' | 'ë' => (letter('e'), 1),
        'ü' => (letter('y'), 1),
        'å' => (200, 0),
        'ä' => (201, 0),
        'æ' => (201, 1),
        'ö' => (202, 0),
        'ø' => (202, 1),
        '0'..='9' => (50 + (c as u32 - '0' as u32), 0),
        ' ' | '-' => (10, 0),
        _ if is_word_char(c) => (300 + fold_char(c) as u32, 0),
        _ => (20, 0),
    }
}

/// A sort key that orders names as a Swedish reader expects: … y, z, å, ä, ö,
/// case-insensitive, then by variant letters, with the original text as a final tie-break.
pub fn sort_key(text: &str) -> (Vec<u32>, Vec<u32>, String) {
    let (letters, variants) = text.chars().map(swedish_weight).unzip();
    (letters, variants, text.to_string())
}

/// Compare two names in Swedish order.
pub fn compare_sv(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a).cmp(&sort_key(b))
}

/// Collapse every run of whitespace to one space and trim: how texts are compared with
/// their source, since only line breaks and list bullets may differ.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of a text, cut at a word boundary with "…" when cut: for
/// accessible names and labels that must stay short.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max).collect();
    let cut = head
        .rfind(' ')
        .filter(|&i| i > 0)
        .map_or(head.as_str(), |i| &head[..i]);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_cuts_between_words() {
        assert_eq!(
            shorten("Två gemensamma trygghetsvandringar", 100),
            "Två gemensamma trygghetsvandringar"
        );
        assert_eq!(
            shorten("Två gemensamma trygghetsvandringar i Eslöv", 20),
            "Två gemensamma…"
        );
        assert_eq!(shorten("Två, gemensamma", 6), "Två…");
        assert_eq!(shorten("Trygghetsvandringar", 5), "Trygg…");
    }

    #[test]
    fn slugs_follow_the_design_rules() {
        assert_eq!(slug("Upplands Väsby"), "upplands-vasby");
        assert_eq!(slug("Malung-Sälen"), "malung-salen");
        assert_eq!(slug("Jönköping"), "jonkoping");
        assert_eq!(slug("Öxnehaga torg"), "oxnehaga-torg");
        assert_eq!(slug("Åre"), "are");
        assert_eq!(slug("  centrala Jönköping! "), "centrala-jonkoping");
    }

    #[test]
    fn folding_keeps_length_and_drops_swedish_diacritics() {
        assert_eq!(fold("Öxnehaga Österängen"), "oxnehaga osterangen");
        assert_eq!(fold("ÅÄÖ").chars().count(), 3);
        assert_eq!(lowercase("ÖXNEHAGA"), "öxnehaga");
    }

    #[test]
    fn swedish_order_puts_a_ring_a_umlaut_o_umlaut_after_z() {
        let mut names = vec![
            "Östersund",
            "Åre",
            "Älvdalen",
            "Zinkgruvan",
            "Arjeplog",
            "Ystad",
        ];
        names.sort_by(|a, b| compare_sv(a, b));
        assert_eq!(
            names,
            [
                "Arjeplog",
                "Ystad",
                "Zinkgruvan",
                "Åre",
                "Älvdalen",
                "Östersund"
            ]
        );
    }

    #[test]
    fn swedish_order_is_case_insensitive_and_sorts_e_acute_with_e() {
        let mut names = vec!["malmö", "Malå", "Malmberget", "Eda", "Ékeby", "Emmaboda"];
        names.sort_by(|a, b| compare_sv(a, b));
        assert_eq!(
            names,
            ["Eda", "Ékeby", "Emmaboda", "Malmberget", "malmö", "Malå"]
        );
    }

    #[test]
    fn whitespace_is_collapsed_for_verbatim_comparison() {
        assert_eq!(collapse_whitespace("  a \n b\t\tc "), "a b c");
    }

    #[test]
    fn words_split_on_punctuation_and_lowercase() {
        let w: Vec<_> = words("Kommunen ska, enligt 14 kap 1 §, SoL.").collect();
        assert_eq!(w, ["kommunen", "ska", "enligt", "14", "kap", "1", "sol"]);
    }

    #[test]
    fn letters_of_every_script_lowercase_and_make_words() {
        assert_eq!(
            lowercase("ÅÄÖ ÉÜ ŁÓDŹ ŠĐČĆŽ ÆØ ÞÐ"),
            "åäö éü łódź šđčćž æø þð"
        );
        assert_eq!(lowercase("ΑΘΗΝΑ МОСКВА"), "αθηνα москва");
        assert_eq!(
            lowercase("İstanbul").chars().count(),
            8,
            "one char in, one out"
        );
        let w: Vec<_> = words("Ω Москва سلام ×÷").collect();
        assert_eq!(w, ["ω", "москва", "سلام"]);
        assert_eq!(fold("ÖXNEHAGA"), "oxnehaga");
    }

    #[test]
    fn other_scripts_sort_after_the_swedish_letters() {
        let mut names = vec!["Москва", "Östersund", "Åre", "Zinkgruvan"];
        names.sort_by(|a, b| compare_sv(a, b));
        assert_eq!(names, ["Zinkgruvan", "Åre", "Östersund", "Москва"]);
    }
}
