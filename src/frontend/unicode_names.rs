//! Character names for `\N{...}` escapes.

/// The character called `name` (case-insensitive), if known.
pub fn lookup(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    NAMES.iter().find(|(n, _)| *n == upper).map(|&(_, c)| c)
}

const NAMES: &[(&str, char)] = &[
    ("SPACE", ' '),
    ("NO-BREAK SPACE", '\u{A0}'),
    ("EM DASH", '\u{2014}'),
    ("EN DASH", '\u{2013}'),
    ("BULLET", '\u{2022}'),
    ("HORIZONTAL ELLIPSIS", '\u{2026}'),
    ("EURO SIGN", '\u{20AC}'),
    ("POUND SIGN", '\u{A3}'),
    ("COPYRIGHT SIGN", '\u{A9}'),
    ("DEGREE SIGN", '\u{B0}'),
    ("GREEK SMALL LETTER ALPHA", '\u{3B1}'),
    ("GREEK SMALL LETTER BETA", '\u{3B2}'),
    ("GREEK SMALL LETTER PI", '\u{3C0}'),
    ("GREEK CAPITAL LETTER DELTA", '\u{394}'),
    ("LATIN SMALL LETTER E WITH ACUTE", '\u{E9}'),
    ("SNOWMAN", '\u{2603}'),
    ("BLACK STAR", '\u{2605}'),
    ("CHECK MARK", '\u{2713}'),
    ("RIGHTWARDS ARROW", '\u{2192}'),
    ("LEFTWARDS ARROW", '\u{2190}'),
    ("INFINITY", '\u{221E}'),
    ("NULL", '\0'),
    ("LINE FEED", '\n'),
    ("CHARACTER TABULATION", '\t'),
];
