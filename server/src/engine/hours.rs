//! Office time: the service day in the office's zone, issuing hours, next opening.

use chrono::{DateTime, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use talon_protocol::{DayHours, Office};

/// The office-local date of `now`: ticket numbering restarts when it changes.
pub fn service_day(tz: Tz, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&tz).date_naive()
}

/// The instant an office-local day begins.
pub fn day_start(tz: Tz, day: NaiveDate) -> DateTime<Utc> {
    to_utc(tz, day.and_time(NaiveTime::MIN))
        .unwrap_or_else(|| day.and_time(NaiveTime::MIN).and_utc())
}

/// Whether a kiosk may issue a ticket now; if not, when it may again.
pub fn issuing_check(office: &Office, now: DateTime<Utc>) -> Result<(), Closed> {
    let tz = office.time_zone.tz();
    let local = now.with_timezone(&tz).naive_local();
    let stop = office.settings.issuing_stops_before_close_min;
    if let Some(hours) = hours_on(office, local.date())
        && is_issuing(hours, stop, local.time())
    {
        return Ok(());
    }
    Err(Closed {
        next_opening: next_opening(office, tz, local),
    })
}

/// Today's issuing as instants, when the office is between its opening and the end of
/// issuing at `now` (over lunch too): since its opening, until when (before closing by
/// the office's setting), and the lunch break.
pub fn issuing_today(office: &Office, now: DateTime<Utc>) -> Option<IssuingHours> {
    let tz = office.time_zone.tz();
    let day = now.with_timezone(&tz).date_naive();
    let hours = hours_on(office, day)?;
    let stop = office.settings.issuing_stops_before_close_min;
    let lunch = match (hours.lunch_start, hours.lunch_end) {
        (Some(start), Some(end)) => Some((
            to_utc(tz, day.and_time(start))?,
            to_utc(tz, day.and_time(end))?,
        )),
        _ => None,
    };
    let issuing = IssuingHours {
        opened: to_utc(tz, day.and_time(hours.open))?,
        until: to_utc(tz, day.and_time(issuing_end(hours, stop)))?,
        lunch,
    };
    (issuing.opened <= now && now < issuing.until).then_some(issuing)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssuingHours {
    pub opened: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// No tickets are issued from the first to the second.
    pub lunch: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// Issuing is refused; `next_opening` is `None` when the office has no hours at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed {
    pub next_opening: Option<DateTime<Utc>>,
}

fn hours_on(office: &Office, day: NaiveDate) -> Option<&DayHours> {
    office.schedule.hours_on(day)
}

fn issuing_end(hours: &DayHours, stop_before_min: u32) -> NaiveTime {
    let (end, _) = hours
        .close
        .overflowing_sub_signed(chrono::Duration::minutes(i64::from(stop_before_min)));
    end.max(hours.open)
}

fn in_lunch(hours: &DayHours, time: NaiveTime) -> bool {
    matches!((hours.lunch_start, hours.lunch_end), (Some(s), Some(e)) if time >= s && time < e)
}

fn is_issuing(hours: &DayHours, stop_before_min: u32, time: NaiveTime) -> bool {
    time >= hours.open && time < issuing_end(hours, stop_before_min) && !in_lunch(hours, time)
}

/// How many days ahead the next opening is looked for: past the longest run of holidays
/// (the New Year's ones, with the weekends around them, are about ten days).
const OPENING_SEARCH_DAYS: u64 = 31;

/// The first moment after `local` at which issuing is open.
fn next_opening(office: &Office, tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let stop = office.settings.issuing_stops_before_close_min;
    for offset in 0..=OPENING_SEARCH_DAYS {
        let day = local.date().checked_add_days(Days::new(offset))?;
        let Some(hours) = hours_on(office, day) else {
            continue;
        };
        let mut candidates = vec![hours.open];
        candidates.extend(hours.lunch_end);
        for time in candidates {
            let at = day.and_time(time);
            if at > local && is_issuing(hours, stop, time) {
                return to_utc(tz, at);
            }
        }
    }
    None
}

/// Local wall time to UTC; in a DST gap, the first valid instant after it.
pub(super) fn to_utc(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
        LocalResult::None => to_utc(tz, local + chrono::Duration::hours(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use talon_protocol::{OfficeId, OfficeSettings, WeekSchedule};

    fn office() -> Office {
        Office {
            id: OfficeId(1),
            name: "ЦОК".into(),
            time_zone: chrono_tz::Asia::Barnaul.into(), // UTC+7
            schedule: WeekSchedule::weekdays(
                DayHours::new((8, 0), (17, 0)).with_lunch((12, 0), (12, 45)),
            ),
            settings: OfficeSettings::default(),
            region_id: None,
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn service_day_follows_the_office_zone() {
        let tz = chrono_tz::Asia::Barnaul;
        // 16:59 UTC on the 20th is 23:59 in Barnaul; 17:00 UTC is already the 21st.
        assert_eq!(
            service_day(tz, utc("2026-11-20T16:59:00Z")).to_string(),
            "2026-11-20"
        );
        assert_eq!(
            service_day(tz, utc("2026-11-20T17:00:00Z")).to_string(),
            "2026-11-21"
        );
    }

    #[test]
    fn issuing_hours_lunch_and_closing() {
        let o = office();
        // Friday 2026-11-20. 10:00 local = 03:00 UTC.
        assert!(issuing_check(&o, utc("2026-11-20T03:00:00Z")).is_ok());
        // 07:59 local: opens at 08:00.
        let closed = issuing_check(&o, utc("2026-11-20T00:59:00Z")).unwrap_err();
        assert_eq!(closed.next_opening, Some(utc("2026-11-20T01:00:00Z")));
        // Lunch 12:10 local: back at 12:45.
        let closed = issuing_check(&o, utc("2026-11-20T05:10:00Z")).unwrap_err();
        assert_eq!(closed.next_opening, Some(utc("2026-11-20T05:45:00Z")));
        // 16:50 local: issuing stopped 15 minutes before closing; next is Monday 08:00.
        let closed = issuing_check(&o, utc("2026-11-20T09:50:00Z")).unwrap_err();
        assert_eq!(closed.next_opening, Some(utc("2026-11-23T01:00:00Z")));
        // 16:44 local is still open.
        assert!(issuing_check(&o, utc("2026-11-20T09:44:00Z")).is_ok());
    }

    #[test]
    fn holidays_and_shortened_days_replace_the_weekday_s_hours() {
        use talon_protocol::office::SpecialDay;
        let mut o = office();
        let date = |s: &str| s.parse::<NaiveDate>().unwrap();
        // New Year's holidays in Barnaul: 2027-01-01 (Fri) to 2027-01-08 (Fri) closed,
        // and Thursday 2026-12-31 shortened to 08:00–13:00 without lunch.
        o.schedule.special_days = (1..=8)
            .map(|d| SpecialDay {
                date: date(&format!("2027-01-0{d}")),
                hours: None,
                note: "Новогодние каникулы".into(),
            })
            .collect();
        o.schedule.special_days.push(SpecialDay {
            date: date("2026-12-31"),
            hours: Some(DayHours::new((8, 0), (13, 0))),
            note: "Предпраздничный день".into(),
        });
        // 12:30 on the 31st is open (no lunch that day); 12:50 is past 13:00 − 15 min.
        assert!(issuing_check(&o, utc("2026-12-31T05:30:00Z")).is_ok());
        let closed = issuing_check(&o, utc("2026-12-31T05:50:00Z")).unwrap_err();
        // Next opening: Monday 2027-01-11 08:00 local, past the holidays and a weekend.
        assert_eq!(closed.next_opening, Some(utc("2027-01-11T01:00:00Z")));
        // On a holiday that falls on a weekday, the kiosk is refused.
        let closed = issuing_check(&o, utc("2027-01-05T03:00:00Z")).unwrap_err();
        assert_eq!(closed.next_opening, Some(utc("2027-01-11T01:00:00Z")));
        // A one-off Saturday opening 10:00–14:00 (the weekly Saturday is closed).
        o.schedule.special_days.push(SpecialDay {
            date: date("2026-12-26"),
            hours: Some(DayHours::new((10, 0), (14, 0))),
            note: String::new(),
        });
        assert!(issuing_check(&o, utc("2026-12-26T04:00:00Z")).is_ok());
    }

    #[test]
    fn no_hours_at_all_has_no_next_opening() {
        let mut o = office();
        o.schedule = WeekSchedule::default();
        let closed = issuing_check(&o, utc("2026-11-20T03:00:00Z")).unwrap_err();
        assert_eq!(closed.next_opening, None);
    }
}
