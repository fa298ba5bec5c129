//! Booking slots: pure arithmetic on an office's (or a person's) weekly hours in the
//! office's time zone. A day's slots run from opening, one after another, each
//! `slot_min` long; a slot that would overlap the lunch break is dropped and the next
//! one starts when lunch ends; the last one ends by closing. A closed day has none, and
//! the office's special days (holidays, shortened days) bind a person's hours too.

use super::hours::to_utc;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use talon_protocol::{DayHours, WeekSchedule};

/// The slots of `day` as (start, end) instants: from `week` (the office's hours, or a
/// person's), inside the office's own hours when `office` has a special day then.
pub fn day_slots(
    tz: Tz,
    office: &WeekSchedule,
    week: &WeekSchedule,
    day: NaiveDate,
    slot_min: u32,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let Some(hours) = week.hours_on(day) else {
        return Vec::new();
    };
    let office_hours = match office.special_day(day) {
        Some(special) => match &special.hours {
            Some(hours) => Some(hours),
            None => return Vec::new(),
        },
        None => None,
    };
    local_slots(hours, slot_min)
        .into_iter()
        .filter(|(start, end)| office_hours.is_none_or(|o| within(o, *start, *end)))
        .filter_map(|(start, end)| {
            Some((
                to_utc(tz, day.and_time(start))?,
                to_utc(tz, day.and_time(end))?,
            ))
        })
        .collect()
}

/// Whether a slot lies inside a day's hours and clear of its lunch.
fn within(hours: &DayHours, start: NaiveTime, end: NaiveTime) -> bool {
    let clear_of_lunch = match hours.lunch_start.zip(hours.lunch_end) {
        Some((lunch_start, lunch_end)) => end <= lunch_start || start >= lunch_end,
        None => true,
    };
    start >= hours.open && end <= hours.close && clear_of_lunch
}

/// The slots of one day's hours in local wall time.
fn local_slots(hours: &DayHours, slot_min: u32) -> Vec<(NaiveTime, NaiveTime)> {
    let length = Duration::minutes(i64::from(slot_min.max(1)));
    let lunch = hours.lunch_start.zip(hours.lunch_end);
    let mut slots = Vec::new();
    let mut start = hours.open;
    loop {
        let (end, wrapped) = start.overflowing_add_signed(length);
        if wrapped != 0 || end > hours.close {
            break;
        }
        match lunch {
            // Overlaps lunch: the next slot starts when lunch ends.
            Some((lunch_start, lunch_end)) if start < lunch_end && end > lunch_start => {
                start = lunch_end;
            }
            _ => {
                slots.push((start, end));
                start = end;
            }
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{Asia, Europe};

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Mon–Fri 09:00–18:00 with lunch 13:00–13:45; Saturday 10:00–14:00; Sunday closed.
    fn week() -> WeekSchedule {
        let mut week =
            WeekSchedule::weekdays(DayHours::new((9, 0), (18, 0)).with_lunch((13, 0), (13, 45)));
        week.sat = Some(DayHours::new((10, 0), (14, 0)));
        week
    }

    #[test]
    fn slots_follow_the_office_s_zone_kaliningrad() {
        // Kaliningrad is UTC+2: 09:00 local is 07:00 UTC.
        let slots = day_slots(Europe::Kaliningrad, &week(), &week(), day("2026-12-07"), 30);
        assert_eq!(
            slots[0],
            (utc("2026-12-07T07:00:00Z"), utc("2026-12-07T07:30:00Z"))
        );
        // 09:00–13:00 is 8 slots, 13:45–18:00 holds 8 (17:45 would end at 18:15).
        assert_eq!(slots.len(), 16);
        assert_eq!(slots.last().unwrap().1, utc("2026-12-07T15:45:00Z"));
    }

    #[test]
    fn slots_follow_the_office_s_zone_barnaul() {
        // Barnaul is UTC+7: 09:00 local on Monday is 02:00 UTC the same day, and the
        // local date, not the UTC one, picks the weekday.
        let slots = day_slots(Asia::Barnaul, &week(), &week(), day("2026-12-07"), 60);
        assert_eq!(slots[0].0, utc("2026-12-07T02:00:00Z"));
        let saturday = day_slots(Asia::Barnaul, &week(), &week(), day("2026-12-12"), 60);
        assert_eq!(saturday.len(), 4, "10:00–14:00 in hours");
        assert_eq!(saturday[0].0, utc("2026-12-12T03:00:00Z"));
    }

    #[test]
    fn a_slot_never_overlaps_lunch_and_the_next_starts_when_lunch_ends() {
        let slots = local_slots(
            &DayHours::new((9, 0), (18, 0)).with_lunch((13, 0), (13, 45)),
            40,
        );
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        // 09:00, 09:40, … 12:20–13:00 fits exactly; 13:00 is lunch.
        assert!(slots.contains(&(hm(12, 20), hm(13, 0))));
        assert!(slots.contains(&(hm(13, 45), hm(14, 25))));
        assert!(
            slots
                .iter()
                .all(|(s, e)| *e <= hm(13, 0) || *s >= hm(13, 45))
        );
    }

    #[test]
    fn the_last_slot_ends_by_closing() {
        let slots = local_slots(&DayHours::new((9, 0), (10, 0)), 25);
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(slots, [(hm(9, 0), hm(9, 25)), (hm(9, 25), hm(9, 50))]);
        // Until midnight: no slot wraps into the next day.
        let late = local_slots(&DayHours::new((23, 0), (23, 59)), 30);
        assert_eq!(late, [(hm(23, 0), hm(23, 30))]);
    }

    #[test]
    fn a_closed_day_has_no_slots() {
        assert!(day_slots(Europe::Moscow, &week(), &week(), day("2026-12-13"), 15).is_empty());
    }

    #[test]
    fn special_days_close_and_shorten_the_slots_of_topics_and_of_people() {
        use talon_protocol::office::SpecialDay;
        let mut office = week();
        office.special_days = vec![
            // A holiday on Monday 2026-12-07; a shortened Tuesday 09:00–12:00.
            SpecialDay {
                date: day("2026-12-07"),
                hours: None,
                note: "Праздник".into(),
            },
            SpecialDay {
                date: day("2026-12-08"),
                hours: Some(DayHours::new((9, 0), (12, 0))),
                note: String::new(),
            },
        ];
        let tz = Europe::Moscow;
        assert!(day_slots(tz, &office, &office, day("2026-12-07"), 30).is_empty());
        assert_eq!(
            day_slots(tz, &office, &office, day("2026-12-08"), 30).len(),
            6
        );
        // A person receiving 10:00–17:00 every weekday: nothing on the holiday, and on the
        // shortened day only what fits before the office closes at 12:00.
        let person = WeekSchedule::weekdays(DayHours::new((10, 0), (17, 0)));
        assert!(day_slots(tz, &office, &person, day("2026-12-07"), 60).is_empty());
        let short = day_slots(tz, &office, &person, day("2026-12-08"), 60);
        assert_eq!(
            short,
            [
                (utc("2026-12-08T07:00:00Z"), utc("2026-12-08T08:00:00Z")),
                (utc("2026-12-08T08:00:00Z"), utc("2026-12-08T09:00:00Z")),
            ]
        );
        // An ordinary day is untouched: 10:00–17:00 holds seven.
        assert_eq!(
            day_slots(tz, &office, &person, day("2026-12-09"), 60).len(),
            7
        );
    }
}
