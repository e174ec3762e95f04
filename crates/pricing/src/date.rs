//! Calendar days, for the age of an edition's prices: how long ago its figures were checked.
//!
//! A day is counted from 1970-01-01 (the civil calendar, as JavaScript's `Date` and Unix time
//! count), in integers: a page says "checked 70 days ago" from the edition's `checked` date and
//! today's, and nothing on that path needs a float.

/// Prices older than this many days are said to be so next to the total.
pub const STALE_AFTER_DAYS: i64 = 60;

/// A calendar day, as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub i64);

impl Day {
    /// The day `year`-`month`-`day` (month and day from 1; out-of-range values are `None`).
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Day> {
        let days_in = match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return None,
        };
        if day == 0 || day > days_in {
            return None;
        }
        // Days from civil (H. Hinnant's algorithm): years counted from March, so the leap day
        // falls at the end of the counted year.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(month) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// A date as the catalog writes them, `2026-12-07`, `2026-12` or `2026`; a month or a year
    /// alone means its first day (the earliest it can mean, so an age is never understated).
    pub fn parse(text: &str) -> Option<Day> {
        let mut parts = text.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().map_or(Some(1), |m| m.parse().ok())?;
        let day = parts.next().map_or(Some(1), |d| d.parse().ok())?;
        if parts.next().is_some() {
            return None;
        }
        Day::from_ymd(year, month, day)
    }

    /// Whole days from `earlier` to this day.
    pub fn since(self, earlier: Day) -> i64 {
        self.0 - earlier.0
    }

    /// The day holding the Unix time `ms` (milliseconds, UTC).
    pub fn from_unix_ms(ms: i64) -> Day {
        Day(ms.div_euclid(86_400_000))
    }

    /// (year, month, day) of this day (the inverse of [`Day::from_ymd`]).
    pub fn ymd(self) -> (i64, u32, u32) {
        // Civil from days (H. Hinnant's algorithm), the inverse of `from_ymd`'s.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }
}

/// As `2026-12-07`.
impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `2026-12-07`.
impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_print_as_dates_and_back() {
        for text in ["1970-01-01", "2000-02-29", "2026-12-07", "2027-01-12", "1969-12-31"] {
            let day = Day::parse(text).unwrap();
            assert_eq!(day.to_string(), text);
        }
        for n in -1000..1000 {
            let (y, m, d) = Day(n * 37).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(Day(n * 37)));
        }
        // 2027-01-12T00:00:00Z and the last millisecond of that day.
        assert_eq!(Day::from_unix_ms(1_799_712_000_000).to_string(), "2027-01-12");
        assert_eq!(Day::from_unix_ms(1_799_798_399_999).to_string(), "2027-01-12");
    }

    #[test]
    fn days_count_from_1970_as_unix_time_does() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        // 2026-12-07T00:00:00Z is 1,796,601,600 s after the epoch: 20,794 days.
        assert_eq!(Day::parse("2026-12-07"), Some(Day(1_796_601_600 / 86_400)));
        assert_eq!(
            Day::parse("2000-03-01")
                .unwrap()
                .since(Day::parse("2000-02-28").unwrap()),
            2
        );
        assert_eq!(
            Day::parse("2100-03-01")
                .unwrap()
                .since(Day::parse("2100-02-28").unwrap()),
            1
        );
    }

    #[test]
    fn a_month_or_year_alone_is_its_first_day_and_nonsense_is_none() {
        assert_eq!(Day::parse("2026"), Day::from_ymd(2026, 1, 1));
        assert_eq!(Day::parse("2026-11"), Day::from_ymd(2026, 11, 1));
        for bad in ["", "2026-13", "2026-02-29", "2026-1-1-1", "soon", "2026-00"] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert_eq!(Day::parse("2024-02-29"), Day::from_ymd(2024, 2, 29));
    }

    #[test]
    fn kling_2026_is_eight_days_older_than_its_december_update() {
        let (old, new) = (Day::parse("2026-11-29").unwrap(), Day::parse("2026-12-07").unwrap());
        assert_eq!(new.since(old), 8);
    }
}
