//! Just enough JSON for what the app itself reads and writes (the storage envelope and the
//! JSON download), so that its wasm carries no serde_json. Numbers are kept as their text, so
//! no float parsing or printing is compiled in. What it accepts is what serde_json accepts
//! (RFC 8259, nesting up to 128 deep), and what it writes is byte for byte what serde_json
//! writes: compact, or pretty with two-space indents.

/// A parsed JSON value. Object members keep their order, duplicates included.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as written, e.g. `"2"` or `"-1.5e3"`.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// An object's member. When a key repeats, the last one counts, as with serde_json.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    /// A whole number from 0 to u32::MAX written without fraction or exponent (`2`, not
    /// `2.0`): what serde reads as a u32.
    pub fn as_u32(&self) -> Option<u32> {
        match self {
            Json::Num(n) => n.parse().ok(),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Obj(_))
    }
}

/// serde_json's limit: deeper input is an error rather than a deep recursion.
const MAX_DEPTH: u32 = 128;

/// Parse a whole JSON text; None if it is not JSON.
pub fn parse(text: &str) -> Option<Json> {
    let mut p = Parser {
        s: text.as_bytes(),
        at: 0,
    };
    let value = p.value(0)?;
    p.ws();
    (p.at == p.s.len()).then_some(value)
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skip white space, then take `b` if it is next.
    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        let found = self.peek() == Some(b);
        self.at += usize::from(found);
        found
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        self.s[self.at..].starts_with(word.as_bytes()).then(|| {
            self.at += word.len();
            value
        })
    }

    fn value(&mut self, depth: u32) -> Option<Json> {
        self.ws();
        match self.peek()? {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' if depth < MAX_DEPTH => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Arr(items))
            }
            b'{' if depth < MAX_DEPTH => {
                self.at += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.ws();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        members.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Obj(members))
            }
            _ => None,
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        // Only ASCII digits and signs were taken, so this is UTF-8.
        std::str::from_utf8(&self.s[start..self.at])
            .ok()
            .map(|n| Json::Num(n.to_string()))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.at..self.at + 4)?;
        // from_str_radix would take a leading '+'; JSON does not.
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        self.at += 4;
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.at += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let escape = self.peek()?;
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                // A leading surrogate must be followed by a trailing one.
                                if self.s.get(self.at..self.at + 2) != Some(b"\\u") {
                                    return None;
                                }
                                self.at += 2;
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return None;
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            // A lone trailing surrogate is not a char: rejected here.
                            char::from_u32(code)?
                        }
                        _ => return None,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                // Control characters must be escaped inside a string.
                0..=0x1F => return None,
                _ => out.push(b),
            }
        }
    }
}

/// Writes JSON as serde_json does: compact, or pretty with two-space indents. The caller
/// opens and closes objects and arrays and gives each member's key before its value.
pub struct Writer {
    out: String,
    pretty: bool,
    /// Per open object or array: whether it has a member yet.
    started: Vec<bool>,
    /// The next value is an object member's, right after its key.
    after_key: bool,
}

impl Writer {
    pub fn new(pretty: bool) -> Writer {
        Writer {
            out: String::new(),
            pretty,
            started: Vec::new(),
            after_key: false,
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.started.len() {
                self.out.push_str("  ");
            }
        }
    }

    /// Before a value in an array, or a key in an object: the comma and the line break.
    fn item(&mut self) {
        if std::mem::take(&mut self.after_key) {
            return;
        }
        if let Some(started) = self.started.last_mut() {
            if std::mem::replace(started, true) {
                self.out.push(',');
            }
            self.newline();
        }
    }

    fn open(&mut self, c: char) {
        self.item();
        self.out.push(c);
        self.started.push(false);
    }

    /// An empty `[]` or `{}` stays on one line, as serde_json writes it.
    fn close(&mut self, c: char) {
        if self.started.pop() == Some(true) {
            self.newline();
        }
        self.out.push(c);
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// An object member's key; its value is written next.
    pub fn key(&mut self, key: &str) {
        self.item();
        self.quoted(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
        self.after_key = true;
    }

    pub fn string(&mut self, s: &str) {
        self.item();
        self.quoted(s);
    }

    pub fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    fn raw(&mut self, token: &str) {
        self.item();
        self.out.push_str(token);
    }

    pub fn null(&mut self) {
        self.raw("null");
    }

    pub fn bool(&mut self, b: bool) {
        self.raw(if b { "true" } else { "false" });
    }

    pub fn int(&mut self, n: i64) {
        self.raw(&n.to_string());
    }

    pub fn strings(&mut self, list: &[String]) {
        self.begin_array();
        for s in list {
            self.string(s);
        }
        self.end_array();
    }

    /// serde_json's escapes: the short ones where JSON has them, `\u00XX` for the other
    /// control characters, everything else as it is.
    fn quoted(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    self.out.push_str("\\u00");
                    self.out.push(HEX[c as usize >> 4] as char);
                    self.out.push(HEX[c as usize & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_like_serde_json_and_reads_it_back() {
        let mut w = Writer::new(true);
        w.begin_array();
        w.begin_object();
        w.key("id");
        w.string("a\"b\\c\u{1}\u{1f}\u{7f}ö\n\t");
        w.key("list");
        w.strings(&["x".into(), "y".into()]);
        w.key("empty");
        w.strings(&[]);
        w.key("obj");
        w.begin_object();
        w.end_object();
        w.key("n");
        w.int(-3);
        w.key("yes");
        w.bool(true);
        w.key("none");
        w.null();
        w.end_object();
        w.end_array();
        let text = w.finish();
        let expected = serde_json::to_string_pretty(&serde_json::json!([{
            "id": "a\"b\\c\u{1}\u{1f}\u{7f}ö\n\t", "list": ["x", "y"], "empty": [], "obj": {}, "n": -3, "yes": true, "none": null,
        }]))
        .unwrap();
        // serde_json's map sorts keys; compare value for value, and the layout of ours.
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            serde_json::from_str::<serde_json::Value>(&expected).unwrap()
        );
        assert_eq!(
            text,
            "[\n  {\n    \"id\": \"a\\\"b\\\\c\\u0001\\u001f\u{7f}ö\\n\\t\",\n    \"list\": [\n      \"x\",\n      \"y\"\n    ],\n    \"empty\": [],\n    \"obj\": {},\n    \"n\": -3,\n    \"yes\": true,\n    \"none\": null\n  }\n]"
        );
        let v = parse(&text).unwrap();
        let first = &v.as_array().unwrap()[0];
        assert_eq!(
            first.get("id").and_then(Json::as_str),
            Some("a\"b\\c\u{1}\u{1f}\u{7f}ö\n\t")
        );
        assert_eq!(first.get("n"), Some(&Json::Num("-3".into())));

        let mut compact = Writer::new(false);
        compact.begin_object();
        compact.key("a");
        compact.strings(&["x".into()]);
        compact.key("b");
        compact.int(2);
        compact.end_object();
        assert_eq!(compact.finish(), r#"{"a":["x"],"b":2}"#);
    }

    #[test]
    fn accepts_what_serde_json_accepts_and_nothing_else() {
        let cases = [
            "null",
            "true",
            " [1, -0, 2.5, -1e3, 1E+2, 0.5e-1] ",
            "{}",
            "[]",
            "\"\\u00e5\\ud83d\\ude00\\/\"",
            "{\"a\":{\"b\":[{}]}}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":1,}",
            "[1,]",
            "[1] x",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "0x1",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\u+123\"",
            "\"a\u{1}\"",
            "\"\\x\"",
            "nul",
            "[",
            "{\"a\"}",
            "{1:2}",
            "\"",
            "",
            "  ",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "tru",
            "[\"ok\"]\n",
        ];
        for case in cases {
            let ours = parse(case);
            let theirs = serde_json::from_str::<serde_json::Value>(case);
            assert_eq!(ours.is_some(), theirs.is_ok(), "{case:?}");
        }
        assert_eq!(
            parse("{\"a\":1,\"a\":2}").unwrap().get("a"),
            Some(&Json::Num("2".into())),
            "the last duplicate counts"
        );
        assert_eq!(parse("\"\\ud83d\\ude00\"").unwrap().as_str(), Some("😀"));
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        assert!(parse(&deep(128)).is_some());
        assert!(parse(&deep(129)).is_none());
        assert!(serde_json::from_str::<serde_json::Value>(&deep(129)).is_err());
        assert!(
            parse(&deep(100_000)).is_none(),
            "deep input is refused, not a stack overflow"
        );
    }

    #[test]
    fn numbers_as_u32() {
        for (text, expected) in [
            ("2", Some(2)),
            ("0", Some(0)),
            ("4294967295", Some(u32::MAX)),
            ("4294967296", None),
            ("-1", None),
            ("2.0", None),
            ("2e0", None),
        ] {
            assert_eq!(parse(text).unwrap().as_u32(), expected, "{text}");
        }
    }
}
