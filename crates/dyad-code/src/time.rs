//! Time expressions: found in the text and resolved to TIMEX3 values, following the
//! TimeML / TempEval-3 conventions.
//!
//! Recognition is a set of rules over tokens, tried longest first at each position: full
//! dates ("March 22, 2013", "22 March 2013", "2013-03-22"), months with years ("February
//! 2022"), month and day ("November 15"), relative expressions ("last June", "February next
//! year", "this week", "two years ago", "yesterday", "on Friday"), years, decades and
//! centuries, seasons, durations ("four-week", "18 months", "an hour"), sets ("annually") and
//! the vague references `PRESENT_REF`, `PAST_REF` and `FUTURE_REF`. Modifiers such as "early"
//! and "late" widen the span and keep the value.
//!
//! Resolution is anchored on the publication date, which may be known only as a range (an
//! inferred date: "written between 2021-11-15 and 2021-12-31"). A relative expression is
//! resolved at both ends of the range and given a value only when both agree, so an uncertain
//! anchor never produces a wrong precise date. Tense decides which way a bare weekday or month
//! points: "on Wednesday" in a past-tense clause is the Wednesday before, in a future-tense
//! clause the one after.
//!
//! [`infer_publication`] reads the publication date from the text when the document has none:
//! a relative expression beside an absolute one ("February next year" and "February 2022")
//! fixes the year, and dates spoken of as past or future bound it.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::context::Context;

/// The publication date, exactly (`lo == hi`) or as a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub lo: Date,
    pub hi: Date,
}

impl Anchor {
    pub fn exact(d: Date) -> Anchor {
        Anchor { lo: d, hi: d }
    }
}

/// A time expression found in the text, before and after resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeFound {
    /// Token range.
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
    pub tense: Tense,
    /// The TIMEX3 value, when it could be resolved.
    pub value: Option<String>,
    pub kind: &'static str,
}

/// Which way a clause points in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Time units, with their TIMEX3 letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn duration_code(self, n: &str) -> String {
        match self {
            Unit::Second => format!("PT{n}S"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week | Unit::Weekend => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{n}DE"),
            Unit::Century => format!("P{n}CE"),
        }
    }
}

/// What an expression says, before it is anchored.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// An absolute date, as precise as written.
    Date {
        y: i16,
        m: Option<i8>,
        d: Option<i8>,
    },
    /// "the 1990s" → `199`, "the 20th century" → `19`.
    Fixed(String),
    /// "November 15": the year comes from the anchor and tense.
    MonthDay {
        m: i8,
        d: i8,
    },
    /// "October": the year comes from the anchor and tense.
    Month {
        m: i8,
    },
    /// "last June" (-1), "this June" (0), "next June" (1).
    RelMonth {
        m: i8,
        dir: i8,
    },
    /// "February next year": month `m` of the anchor's year plus `k`.
    MonthOfYear {
        m: i8,
        k: i16,
    },
    /// "Friday", "last Friday" (dir -1), "next Friday" (dir 1).
    Weekday {
        wd: Weekday,
        dir: i8,
    },
    /// "this week" (0), "last month" (-1), "next year" (1).
    RelUnit {
        unit: Unit,
        k: i32,
    },
    /// "two years ago" (-2), "in three weeks" (3).
    Offset {
        unit: Unit,
        n: i32,
    },
    /// "yesterday" (-1), "today" (0), "tomorrow" (1).
    Day(i32),
    /// "this summer" (season code SP, SU, FA, WI; k as for RelUnit).
    Season {
        code: &'static str,
        k: i32,
        year: Option<i16>,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    Duration(String),
    Set(String),
}

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("jan.", 1),
    ("february", 2),
    ("feb", 2),
    ("feb.", 2),
    ("march", 3),
    ("mar.", 3),
    ("april", 4),
    ("apr", 4),
    ("apr.", 4),
    ("may", 5),
    ("june", 6),
    ("jun.", 6),
    ("july", 7),
    ("jul.", 7),
    ("august", 8),
    ("aug", 8),
    ("aug.", 8),
    ("september", 9),
    ("sept", 9),
    ("sept.", 9),
    ("sep.", 9),
    ("october", 10),
    ("oct", 10),
    ("oct.", 10),
    ("november", 11),
    ("nov", 11),
    ("nov.", 11),
    ("december", 12),
    ("dec", 12),
    ("dec.", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("weekend", Unit::Weekend),
    ("weekends", Unit::Weekend),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("quarter", Unit::Quarter),
    ("quarters", Unit::Quarter),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
    ("century", Unit::Century),
    ("centuries", Unit::Century),
];

const NUMBER_WORDS: &[(&str, i32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
];

const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

/// Words before a bare year that show it is a year ("in 2010", "since 1953").
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "of",
    "until",
    "till",
    "from",
    "to",
    "early",
    "late",
    "mid",
    "the",
    "before",
    "after",
    "between",
    "and",
    "around",
    "during",
    "through",
    "for",
    "(",
    ",",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "end",
    "start",
    "beginning",
    "year",
];

fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn number(w: &str) -> Option<i32> {
    lookup(NUMBER_WORDS, w).or_else(|| w.parse::<i32>().ok().filter(|n| (0..100_000).contains(n)))
}

fn day_number(w: &str) -> Option<i8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i16> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1000..=2199).contains(y))
}

/// The month a token names. "May" counts only when written with a capital (the modal is
/// lower case) and "March" only when it is not the verb ("march on").
fn month_at(cx: &Context, i: usize) -> Option<i8> {
    let m = lookup(MONTHS, cx.lower(i))?;
    if matches!(cx.lower(i), "may" | "march") && !cx.is_capitalised(i) {
        return None;
    }
    Some(m)
}

/// Find and resolve every time expression. `anchor` is the publication date, if known.
pub fn find(cx: &Context, anchor: Option<Anchor>) -> Vec<TimeFound> {
    let mut out = Vec::new();
    // The reference time of a narrative: the last calendar day the text named.
    let mut last_day: Option<Date> = None;
    let mut i = 0;
    while i < cx.len() {
        match recognise(cx, i) {
            Some((end, expr)) => {
                let mut first = widen(cx, i);
                // "the 1990s", "the next few months": TimeML keeps the article.
                if first == i
                    && first > 0
                    && cx.lower(first - 1) == "the"
                    && matches!(expr, Expr::Fixed(_) | Expr::Duration(_))
                {
                    first -= 1;
                }
                let tense = tense(cx, first, end);
                // "the next day", "the following week", "the day before": from the day the
                // text last named, when it named one; otherwise from the publication date.
                let narrative = i > 0
                    && cx.lower(i - 1) == "the"
                    && matches!(expr, Expr::RelUnit { k, .. } | Expr::Offset { n: k, .. } if k != 0)
                    && matches!(
                        cx.lower(i),
                        "next" | "following" | "previous" | "preceding" | "day"
                    );
                let value = match (narrative, last_day) {
                    (true, Some(day)) => resolve(&expr, Some(day), tense),
                    _ => anchor_value(&expr, anchor, tense),
                };
                if let Some(day) = value.as_deref().and_then(|v| v.parse::<Date>().ok())
                    && !narrative
                {
                    last_day = Some(day);
                }
                if narrative {
                    first = i - 1;
                }
                let kind = match expr {
                    Expr::Duration(_) => "DURATION",
                    Expr::Set(_) => "SET",
                    _ => "DATE",
                };
                out.push(TimeFound {
                    first,
                    end,
                    expr,
                    tense,
                    value,
                    kind,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Include "early", "late", "mid", "the end of" before an expression.
fn widen(cx: &Context, i: usize) -> usize {
    let mut first = i;
    if first >= 1 && matches!(cx.lower(first - 1), "early" | "late" | "mid" | "mid-") {
        first -= 1;
    }
    if first >= 3
        && cx.lower(first - 1) == "of"
        && matches!(
            cx.lower(first - 2),
            "end" | "beginning" | "start" | "middle"
        )
        && cx.lower(first - 3) == "the"
    {
        first -= 3;
    }
    first
}

/// The longest expression starting at token `i`: its end and what it says.
fn recognise(cx: &Context, i: usize) -> Option<(usize, Expr)> {
    let w = |k: usize| cx.lower(i + k);
    let comma = |k: usize| usize::from(w(k) == ",");

    // "the first nine months of this year": the span of the inner expression, widened.
    if w(0) == "the" && matches!(w(1), "first" | "last" | "past" | "next") {
        let n = usize::from(number(w(2)).is_some());
        if lookup(UNITS, w(2 + n)).is_some()
            && w(3 + n) == "of"
            && let Some((end, inner)) = recognise(cx, i + 4 + n)
            && matches!(inner, Expr::RelUnit { .. } | Expr::Date { .. })
        {
            return Some((end, inner));
        }
    }

    // ISO date: 2013-03-22
    if let Some((y, m, d)) = iso_date(w(0)) {
        return Some((
            i + 1,
            Expr::Date {
                y,
                m: Some(m),
                d: Some(d),
            },
        ));
    }

    if let Some(m) = month_at(cx, i) {
        // March 22, 2013 / March 22 / March 2013 / February next year
        if let Some(d) = day_number(w(1)) {
            if let Some(y) = year_number(w(2 + comma(2))) {
                return Some((
                    i + 3 + comma(2),
                    Expr::Date {
                        y,
                        m: Some(m),
                        d: Some(d),
                    },
                ));
            }
            return Some((i + 2, Expr::MonthDay { m, d }));
        }
        if let Some(y) = year_number(w(1 + comma(1))) {
            return Some((
                i + 2 + comma(1),
                Expr::Date {
                    y,
                    m: Some(m),
                    d: None,
                },
            ));
        }
        if matches!(w(1), "next" | "last" | "this") && w(2) == "year" {
            let k = match w(1) {
                "next" => 1,
                "last" => -1,
                _ => 0,
            };
            return Some((i + 3, Expr::MonthOfYear { m, k }));
        }
        return Some((i + 1, Expr::Month { m }));
    }

    // 22 March 2013 / 22 March
    if let Some(d) = day_number(w(0))
        && let Some(m) = month_at(cx, i + 1)
    {
        if let Some(y) = year_number(w(2)) {
            return Some((
                i + 3,
                Expr::Date {
                    y,
                    m: Some(m),
                    d: Some(d),
                },
            ));
        }
        return Some((i + 2, Expr::MonthDay { m, d }));
    }

    // "the day before", "the day after"
    if w(0) == "day" && i > 0 && cx.lower(i - 1) == "the" {
        match w(1) {
            "before" => {
                return Some((
                    i + 2,
                    Expr::Offset {
                        unit: Unit::Day,
                        n: -1,
                    },
                ));
            }
            "after" => {
                return Some((
                    i + 2,
                    Expr::Offset {
                        unit: Unit::Day,
                        n: 1,
                    },
                ));
            }
            _ => {}
        }
    }

    // last/next/this + month, weekday, unit or season
    let dir = match w(0) {
        "last" | "past" | "previous" | "preceding" => Some(-1),
        "next" | "coming" | "following" => Some(1),
        "this" | "current" => Some(0),
        _ => None,
    };
    if let Some(dir) = dir {
        if let Some(m) = lookup(MONTHS, w(1)).filter(|_| cx.is_capitalised(i + 1)) {
            return Some((i + 2, Expr::RelMonth { m, dir }));
        }
        if let Some(wd) = lookup(WEEKDAYS, w(1)) {
            return Some((i + 2, Expr::Weekday { wd, dir }));
        }
        // "the next Winter Olympics" names an event, not a season.
        if let Some(code) = lookup(SEASONS, w(1)).filter(|_| !cx.is_capitalised(i + 2)) {
            return Some((
                i + 2,
                Expr::Season {
                    code,
                    k: dir.into(),
                    year: None,
                },
            ));
        }
        // "this fiscal year"
        let skip = usize::from(w(1) == "fiscal");
        if let Some(unit) = lookup(UNITS, w(1 + skip))
            .filter(|_| !w(1 + skip).ends_with('s') || w(1 + skip) == "weekends")
        {
            return Some((
                i + 2 + skip,
                Expr::RelUnit {
                    unit,
                    k: dir.into(),
                },
            ));
        }
        // "the past five years", "the next few months": durations
        if let Some((end, n)) = quantity(cx, i + 1)
            && let Some(unit) = lookup(UNITS, cx.lower(end))
        {
            return Some((end + 1, Expr::Duration(unit.duration_code(&n))));
        }
    }

    // yesterday, today, tomorrow, tonight, now ...
    match w(0) {
        "yesterday" => return Some((i + 1, Expr::Day(-1))),
        "today" | "tonight" => return Some((i + 1, Expr::Day(0))),
        "tomorrow" => return Some((i + 1, Expr::Day(1))),
        "now" | "currently" | "nowadays" => return Some((i + 1, Expr::Ref("PRESENT_REF"))),
        "recently" | "formerly" | "previously" => return Some((i + 1, Expr::Ref("PAST_REF"))),
        "annually" | "yearly" => return Some((i + 1, Expr::Set("P1Y".into()))),
        "daily" => return Some((i + 1, Expr::Set("P1D".into()))),
        "weekly" => return Some((i + 1, Expr::Set("P1W".into()))),
        "monthly" => return Some((i + 1, Expr::Set("P1M".into()))),
        _ => {}
    }
    if w(0) == "the" && w(1) == "future" {
        return Some((i + 2, Expr::Ref("FUTURE_REF")));
    }
    if w(0) == "the"
        && w(1) == "past"
        && lookup(UNITS, w(2)).is_none()
        && number(w(2)).is_none()
        && w(2) != "few"
    {
        return Some((i + 2, Expr::Ref("PAST_REF")));
    }
    if matches!(w(0), "every" | "each")
        && let Some(unit) = lookup(UNITS, w(1))
    {
        return Some((i + 2, Expr::Set(unit.duration_code("1"))));
    }

    // Weekday: "Friday", "on Friday"
    if let Some(wd) = lookup(WEEKDAYS, w(0)) {
        return Some((i + 1, Expr::Weekday { wd, dir: 0 }));
    }

    // Seasons with a year: "summer 2021", "the summer of 2021"
    if let Some(code) = lookup(SEASONS, w(0)) {
        if let Some(y) = year_number(w(1)) {
            return Some((
                i + 2,
                Expr::Season {
                    code,
                    k: 0,
                    year: Some(y),
                },
            ));
        }
        if w(1) == "of"
            && let Some(y) = year_number(w(2))
        {
            return Some((
                i + 3,
                Expr::Season {
                    code,
                    k: 0,
                    year: Some(y),
                },
            ));
        }
    }

    // Decades and centuries: "the 1990s", "the 20th century"
    if w(0).len() == 5
        && w(0).ends_with('s')
        && year_number(&w(0)[..4]).is_some_and(|y| y % 10 == 0)
    {
        return Some((i + 1, Expr::Fixed(w(0)[..3].to_string())));
    }
    if let Some(n) = w(0)
        .strip_suffix("th")
        .or_else(|| w(0).strip_suffix("st"))
        .and_then(|n| n.parse::<i16>().ok())
        && matches!(w(1), "century")
        && (1..=22).contains(&n)
    {
        return Some((i + 2, Expr::Fixed(format!("{:02}", n - 1))));
    }

    // Quantities: "two years ago", "in three weeks", "four-week", "18 months"
    let quantity_here = quantity(cx, i);
    if let Some((end, n)) = &quantity_here
        && let Some(unit) = lookup(UNITS, cx.lower(*end))
    {
        if cx.lower(end + 1) == "ago" {
            let n: i32 = n.parse().unwrap_or(0);
            if n > 0 {
                return Some((end + 2, Expr::Offset { unit, n: -n }));
            }
        }
        // "in three weeks" is tagged as the duration, as TimeML does: "in" may mean "within".
        return Some((end + 1, Expr::Duration(unit.duration_code(n))));
    }
    // "four-week", "two-year"
    if let Some((num, unit)) = w(0).split_once('-')
        && let (Some(n), Some(unit)) = (number(num), lookup(UNITS, unit))
    {
        return Some((i + 1, Expr::Duration(unit.duration_code(&n.to_string()))));
    }
    // "12 to 18 months": the first number takes the unit of the second.
    if let Some((end, n)) = quantity_here
        && (matches!(cx.lower(end), "to" | "or" | "-")
            || (cx.lower(end) == "and" && i > 0 && cx.lower(i - 1) == "between"))
        && let Some((end2, _)) = quantity(cx, end + 1)
        && let Some(unit) = lookup(UNITS, cx.lower(end2)).filter(|_| n != "X")
    {
        return Some((end, Expr::Duration(unit.duration_code(&n))));
    }
    // "for weeks", "minutes before", "in recent years": an unspecified number of units.
    if let Some(unit) = lookup(UNITS, w(0)).filter(|_| w(0).ends_with('s') && w(0) != "seconds") {
        return Some((i + 1, Expr::Duration(unit.duration_code("X"))));
    }

    // A bare year: "in 2010", "a 2010 raid", "2011,". Years of the last two centuries need
    // no context; older ones do.
    if let Some(y) = year_number(w(0)) {
        let before_ok =
            (1900..=2100).contains(&y) || (i > 0 && YEAR_CONTEXT.contains(&cx.lower(i - 1)));
        let after_punct = matches!(cx.kind(i + 1), Some(dyad_model::TokenKind::Punct) | None);
        // "1500 soldiers" counts soldiers.
        let counts_a_plural = cx.kind(i + 1) == Some(dyad_model::TokenKind::Word)
            && w(1).len() > 3
            && w(1).ends_with('s')
            && !["ss", "is", "us"].iter().any(|e| w(1).ends_with(e))
            && !cx.is_capitalised(i + 1);
        if (before_ok || after_punct) && !counts_a_plural && (i == 0 || cx.word(i - 1) != "$") {
            return Some((
                i + 1,
                Expr::Date {
                    y,
                    m: None,
                    d: None,
                },
            ));
        }
    }
    None
}

/// A quantity at token `i`: digits, a number word, "a few", "several": its end token and
/// the number as TIMEX3 writes it (`X` when vague).
fn quantity(cx: &Context, i: usize) -> Option<(usize, String)> {
    let w = cx.lower(i);
    if matches!(w, "few" | "several" | "many" | "some") {
        return Some((i + 1, "X".into()));
    }
    if w == "a" && cx.lower(i + 1) == "few" {
        return Some((i + 2, "X".into()));
    }
    if w == "a" && cx.lower(i + 1) == "dozen" {
        return Some((i + 2, "12".into()));
    }
    // "a second video conference" is an ordinal, not a duration.
    if matches!(w, "a" | "an" | "one")
        && cx.lower(i + 1) == "second"
        && cx.kind(i + 2) == Some(dyad_model::TokenKind::Word)
    {
        return None;
    }
    let n = number(w)?;
    if matches!(w, "a" | "an") && lookup(UNITS, cx.lower(i + 1)).is_none() {
        return None;
    }
    // Tens and units: "twenty five"
    if n >= 20
        && n % 10 == 0
        && let Some(u) = number(cx.lower(i + 1)).filter(|u| (1..10).contains(u))
    {
        return Some((i + 2, (n + u).to_string()));
    }
    Some((i + 1, n.to_string()))
}

fn iso_date(w: &str) -> Option<(i16, i8, i8)> {
    let mut parts = w.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (
        year_number(y)?,
        m.parse::<i8>().ok()?,
        d.parse::<i8>().ok()?,
    );
    Date::new(y, m, d).ok().map(|_| (y, m, d))
}

/// Past-tense verbs that are not regular `-ed` forms, common in news.
const PAST_IRREGULAR: &[&str] = &[
    "was", "were", "had", "did", "said", "met", "held", "took", "came", "went", "gave", "made",
    "told", "won", "began", "fell", "rose", "left", "saw", "spoke", "sent", "brought", "thought",
    "ago", "earlier",
];
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "upcoming",
    "scheduled",
    "plans",
    "planned",
    "expected",
    "due",
];

/// The tense of the clause around tokens `a..b`: future markers win, then past ones.
fn tense(cx: &Context, a: usize, b: usize) -> Tense {
    let s = cx.sentence_tokens(cx.sentence_of(a));
    let from = a.saturating_sub(10).max(s.start);
    let to = (b + 6).min(s.end);
    let words = (from..to).filter(|&i| i < a || i >= b).map(|i| cx.lower(i));
    let mut past = false;
    for w in words {
        if FUTURE_MARKERS.contains(&w) || w == "going" {
            return Tense::Future;
        }
        if PAST_IRREGULAR.contains(&w) || (w.len() > 4 && w.ends_with("ed")) {
            past = true;
        }
    }
    if past { Tense::Past } else { Tense::Unknown }
}

/// Resolve at both ends of the anchor; a value only when both agree.
fn anchor_value(expr: &Expr, anchor: Option<Anchor>, tense: Tense) -> Option<String> {
    match anchor {
        None => resolve(expr, None, tense),
        Some(a) => {
            let lo = resolve(expr, Some(a.lo), tense)?;
            let hi = resolve(expr, Some(a.hi), tense)?;
            (lo == hi).then_some(lo)
        }
    }
}

/// Days between two dates, in either order.
fn days_apart(a: Date, b: Date) -> i64 {
    a.until(b)
        .map(|s| i64::from(s.get_days()).abs())
        .unwrap_or(i64::MAX)
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn ym(y: i16, m: i8) -> String {
    format!("{y:04}-{m:02}")
}

fn week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The TIMEX3 value of an expression anchored at `dct`.
pub fn resolve(expr: &Expr, dct: Option<Date>, tense: Tense) -> Option<String> {
    match expr {
        Expr::Date { y, m, d } => Some(match (m, d) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => ym(*y, *m),
            _ => format!("{y:04}"),
        }),
        Expr::Fixed(v) | Expr::Duration(v) | Expr::Set(v) => Some(v.clone()),
        Expr::Ref(r) => Some(r.to_string()),
        Expr::MonthDay { m, d } => {
            let dct = dct?;
            let candidates = [dct.year() - 1, dct.year(), dct.year() + 1];
            let dates: Vec<Date> = candidates
                .iter()
                .filter_map(|y| Date::new(*y, *m, *d).ok())
                .collect();
            let pick = match tense {
                Tense::Past => dates.iter().rev().find(|x| **x <= dct),
                Tense::Future => dates.iter().find(|x| **x >= dct),
                Tense::Unknown => dates.iter().min_by_key(|x| days_apart(dct, **x)),
            };
            pick.map(|x| ymd(*x))
        }
        Expr::Month { m } => {
            let dct = dct?;
            let (y, dm) = (dct.year(), dct.month());
            let y = match tense {
                Tense::Past if *m > dm => y - 1,
                Tense::Future if *m < dm => y + 1,
                Tense::Unknown if (*m - dm) > 6 => y - 1,
                Tense::Unknown if (dm - *m) > 6 => y + 1,
                _ => y,
            };
            Some(ym(y, *m))
        }
        Expr::RelMonth { m, dir } => {
            let dct = dct?;
            let (y, dm) = (dct.year(), dct.month());
            let y = match dir {
                -1 => {
                    if *m < dm {
                        y
                    } else {
                        y - 1
                    }
                }
                1 => {
                    if *m > dm {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            Some(ym(y, *m))
        }
        Expr::MonthOfYear { m, k } => Some(ym(dct?.year() + k, *m)),
        Expr::Weekday { wd, dir } => {
            let dct = dct?;
            let back = i64::from(dct.weekday().since(*wd)); // days since the last such weekday
            let fwd = i64::from(wd.since(dct.weekday())); // days until the next
            let days = match (dir, tense) {
                (-1, _) => -(if back == 0 { 7 } else { back }),
                (1, _) => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                (_, Tense::Future) => fwd,
                _ => -back,
            };
            dct.checked_add(days.days()).ok().map(ymd)
        }
        Expr::Day(k) => dct?.checked_add(i64::from(*k).days()).ok().map(ymd),
        Expr::RelUnit { unit, k } => {
            let dct = dct?;
            let k = *k;
            match unit {
                Unit::Day => dct.checked_add(i64::from(k).days()).ok().map(ymd),
                Unit::Week => dct.checked_add((i64::from(k) * 7).days()).ok().map(week),
                Unit::Weekend => dct
                    .checked_add((i64::from(k) * 7).days())
                    .ok()
                    .map(|d| format!("{}-WE", week(d))),
                Unit::Month => dct
                    .first_of_month()
                    .checked_add(i64::from(k).months())
                    .ok()
                    .map(|d| ym(d.year(), d.month())),
                Unit::Quarter => {
                    let q0 = i32::from(dct.year()) * 4 + i32::from((dct.month() - 1) / 3) + k;
                    Some(format!("{:04}-Q{}", q0.div_euclid(4), q0.rem_euclid(4) + 1))
                }
                Unit::Year => Some(format!("{:04}", i32::from(dct.year()) + k)),
                Unit::Decade => Some(format!("{:03}", (i32::from(dct.year()) / 10) + k)),
                Unit::Century => Some(format!("{:02}", (i32::from(dct.year()) / 100) + k)),
                Unit::Second | Unit::Minute | Unit::Hour => Some("PRESENT_REF".into()),
            }
        }
        Expr::Offset { unit, n } => {
            let dct = dct?;
            let n = i64::from(*n);
            match unit {
                Unit::Day => dct.checked_add(n.days()).ok().map(ymd),
                Unit::Week | Unit::Weekend => dct.checked_add((n * 7).days()).ok().map(week),
                Unit::Month => dct
                    .checked_add(n.months())
                    .ok()
                    .map(|d| ym(d.year(), d.month())),
                Unit::Quarter => dct
                    .checked_add((n * 3).months())
                    .ok()
                    .map(|d| ym(d.year(), d.month())),
                Unit::Year => Some(format!("{:04}", i64::from(dct.year()) + n)),
                Unit::Decade => Some(format!("{:03}", (i64::from(dct.year()) + 10 * n) / 10)),
                Unit::Century => Some(format!("{:02}", (i64::from(dct.year()) + 100 * n) / 100)),
                Unit::Second | Unit::Minute | Unit::Hour => Some(ymd(dct)),
            }
        }
        Expr::Season { code, k, year } => {
            let y = match year {
                Some(y) => i32::from(*y),
                None => i32::from(dct?.year()) + k,
            };
            Some(format!("{y:04}-{code}"))
        }
    }
}

/// Infer the publication date from the text, as a range, when the document carries none.
/// Returns `None` without evidence: a year needs a relative expression matched by an absolute
/// one ("February next year" beside "February 2022").
pub fn infer_publication(found: &[TimeFound]) -> Option<Anchor> {
    let mut years: Vec<i16> = Vec::new();
    for r in found {
        let (m, k) = match r.expr {
            Expr::MonthOfYear { m, k } => (m, k),
            _ => continue,
        };
        for a in found {
            if let Expr::Date { y, m: Some(am), .. } = a.expr
                && am == m
            {
                years.push(y - k);
            }
        }
    }
    years.sort_unstable();
    years.dedup();
    let [year] = years[..] else {
        return None;
    };
    let mut lo = Date::new(year, 1, 1).ok()?;
    let mut hi = Date::new(year, 12, 31).ok()?;
    // Dates spoken of as past bound it from below, as future from above.
    for f in found {
        let date = match f.expr {
            Expr::Date {
                y,
                m: Some(m),
                d: Some(d),
            } => Date::new(y, m, d).ok(),
            Expr::MonthDay { m, d } => Date::new(year, m, d).ok(),
            _ => None,
        };
        match (date, f.tense) {
            (Some(d), Tense::Past) if d > lo && d <= hi => lo = d,
            (Some(d), Tense::Future) if d < hi && d >= lo => hi = d,
            _ => {}
        }
    }
    Some(Anchor { lo, hi })
}

/// The value to publish for an inferred date: as precise as the range allows.
pub fn anchor_label(a: Anchor) -> String {
    if a.lo == a.hi {
        ymd(a.lo)
    } else if (a.lo.year(), a.lo.month()) == (a.hi.year(), a.hi.month()) {
        ym(a.lo.year(), a.lo.month())
    } else {
        format!("{:04}", a.lo.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_lexicon::Lexicon;

    fn timexes(text: &str, dct: Option<&str>) -> Vec<(String, Option<String>)> {
        let lex = Lexicon::builtin();
        let a = dyad_nlp::analyse(text);
        let cx = Context::new(text, &a, &lex, None);
        let anchor = dct.map(|d| Anchor::exact(d.parse().unwrap()));
        find(&cx, anchor)
            .into_iter()
            .map(|t| (cx.text_of(t.first, t.end).to_string(), t.value))
            .collect()
    }

    fn t(s: &str, v: &str) -> (String, Option<String>) {
        (s.to_string(), Some(v.to_string()))
    }

    const DCT: Option<&str> = Some("2021-12-15");

    #[test]
    fn absolute_dates() {
        assert_eq!(
            timexes("It began on March 22, 2013 and ended 4 April 2014.", DCT),
            [
                t("March 22, 2013", "2013-03-22"),
                t("4 April 2014", "2014-04-04")
            ]
        );
        assert_eq!(
            timexes("in February 2022, on 2013-03-22", DCT),
            [t("February 2022", "2022-02"), t("2013-03-22", "2013-03-22")]
        );
        assert_eq!(
            timexes("Since 1953, and in the 1990s and the 20th century.", DCT),
            [
                t("1953", "1953"),
                t("the 1990s", "199"),
                t("the 20th century", "19")
            ]
        );
        assert_eq!(timexes("He paid $2021 for 1500 soldiers.", DCT), []);
        assert_eq!(timexes("a 2009 analysis", DCT), [t("2009", "2009")]);
        assert_eq!(
            timexes(
                "a second video conference before the next Winter Olympics",
                DCT
            ),
            []
        );
        assert_eq!(
            timexes("between 12 and 18 months", DCT),
            [t("12", "P12M"), t("18 months", "P18M")]
        );
    }

    #[test]
    fn the_seed_expressions() {
        let text = "They recalled the video conference they held last June. Putin hopes to meet Xi in February 2022. \
                    “I believe in February next year we will meet,” he said. The call took place on November 15, \
                    while a summit took place last week. Trade reached 100 billion dollars in the first nine months of this year.";
        let got = timexes(text, DCT);
        assert!(got.contains(&t("last June", "2021-06")), "{got:?}");
        assert!(got.contains(&t("February 2022", "2022-02")));
        assert!(got.contains(&t("February next year", "2022-02")));
        assert!(got.contains(&t("November 15", "2021-11-15")));
        assert!(got.contains(&t("last week", "2021-W49")));
        assert!(
            got.contains(&t("the first nine months of this year", "2021")),
            "{got:?}"
        );
    }

    #[test]
    fn tense_decides_weekdays_and_months() {
        // 2021-12-15 is a Wednesday.
        assert_eq!(
            timexes("Xi met Putin on Monday.", DCT),
            [t("Monday", "2021-12-13")]
        );
        assert_eq!(
            timexes("Xi will meet Putin on Monday.", DCT),
            [t("Monday", "2021-12-20")]
        );
        assert_eq!(
            timexes("They spoke on Wednesday.", DCT),
            [t("Wednesday", "2021-12-15")]
        );
        assert_eq!(
            timexes("Prices rose in October.", DCT),
            [t("October", "2021-10")]
        );
        assert_eq!(
            timexes("Talks will resume in March.", DCT),
            [t("March", "2022-03")]
        );
        assert_eq!(timexes("Talks may resume.", DCT), []);
    }

    #[test]
    fn relative_units_and_offsets() {
        assert_eq!(
            timexes("this week, next month, last year, this quarter", DCT),
            [
                t("this week", "2021-W50"),
                t("next month", "2022-01"),
                t("last year", "2020"),
                t("this quarter", "2021-Q4")
            ]
        );
        assert_eq!(
            timexes("two years ago and three days ago", DCT),
            [
                t("two years ago", "2019"),
                t("three days ago", "2021-12-12")
            ]
        );
        assert_eq!(
            timexes("yesterday and tomorrow", DCT),
            [t("yesterday", "2021-12-14"), t("tomorrow", "2021-12-16")]
        );
        assert_eq!(
            timexes("early this year", DCT),
            [t("early this year", "2021")]
        );
    }

    #[test]
    fn durations_sets_references() {
        assert_eq!(
            timexes(
                "a four-week break for 18 months, an hour, the past five years",
                DCT
            ),
            [
                t("four-week", "P4W"),
                t("18 months", "P18M"),
                t("an hour", "PT1H"),
                t("the past five years", "P5Y")
            ]
        );
        assert_eq!(
            timexes("for weeks; annually; now; every year", DCT),
            [
                t("weeks", "PXW"),
                t("annually", "P1Y"),
                t("now", "PRESENT_REF"),
                t("every year", "P1Y")
            ]
        );
    }

    #[test]
    fn narrative_time_moves_with_the_text() {
        let got = timexes(
            "The talks opened on March 3, 2020. The next day the delegations left, and the day before they had dined. Next week they meet again.",
            DCT,
        );
        assert_eq!(
            got,
            [
                t("March 3, 2020", "2020-03-03"),
                t("The next day", "2020-03-04"),
                t("the day before", "2020-03-02"),
                t("Next week", "2021-W51"),
            ]
        );
    }

    #[test]
    fn no_anchor_leaves_relative_values_empty() {
        assert_eq!(
            timexes("last June, in 2010", None),
            [("last June".to_string(), None), t("2010", "2010")]
        );
    }

    #[test]
    fn publication_date_inference() {
        let text = "Putin hopes to meet Xi in February 2022. “In February next year we will meet,” he said. \
                    The call took place on November 15.";
        let lex = Lexicon::builtin();
        let a = dyad_nlp::analyse(text);
        let cx = Context::new(text, &a, &lex, None);
        let found = find(&cx, None);
        let anchor = infer_publication(&found).unwrap();
        assert_eq!(anchor.lo.to_string(), "2021-11-15");
        assert_eq!(anchor.hi.to_string(), "2021-12-31");
        assert_eq!(anchor_label(anchor), "2021");
        // With the inferred range, "last June" is still certain; "last week" is not.
        let v = |e: Expr| anchor_value(&e, Some(anchor), Tense::Past);
        assert_eq!(
            v(Expr::RelMonth { m: 6, dir: -1 }).as_deref(),
            Some("2021-06")
        );
        assert_eq!(
            v(Expr::RelUnit {
                unit: Unit::Week,
                k: -1
            }),
            None
        );
        // No evidence, no date.
        let lone = dyad_nlp::analyse("Talks were held in February 2022.");
        let cx = Context::new("Talks were held in February 2022.", &lone, &lex, None);
        assert!(infer_publication(&find(&cx, None)).is_none());
    }
}
