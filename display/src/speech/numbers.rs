//! Numbers as spoken words, Russian and English, for ticket and window numbers.
//!
//! Each function returns the words in the order they are said; every word is also the
//! name of a recorded clip (see `voice/*/clips.tsv`), so an announcement can be
//! assembled from clips. Numbers 1–999 are said as numbers ("сто один"); anything else
//! (0, or 1000 and more, which a ticket reaches only on an extraordinary day) is said
//! digit by digit, which is still unambiguous for a visitor holding the ticket.

const RU_UNITS: [&str; 20] = [
    "ноль",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];

const RU_TENS: [&str; 10] = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];

const RU_HUNDREDS: [&str; 10] = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
];

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Whether `n` is said as a number; otherwise it is said digit by digit.
pub fn is_speakable(n: u32) -> bool {
    (1..=999).contains(&n)
}

/// Russian words of a number: 15 → ["пятнадцать"], 101 → ["сто", "один"]. The
/// masculine "один", "два" fit both "талон" and "окно" when they name a number.
pub fn russian(n: u32) -> Vec<&'static str> {
    if !is_speakable(n) {
        return digits(n).map(|d| RU_UNITS[d]).collect();
    }
    let (hundreds, rest) = ((n / 100) as usize, (n % 100) as usize);
    let mut words = Vec::new();
    if hundreds > 0 {
        words.push(RU_HUNDREDS[hundreds]);
    }
    if rest >= 20 {
        words.push(RU_TENS[rest / 10]);
        if rest % 10 > 0 {
            words.push(RU_UNITS[rest % 10]);
        }
    } else if rest > 0 {
        words.push(RU_UNITS[rest]);
    }
    words
}

/// English words of a number, grouped as written: 21 → [["twenty", "one"]] (written
/// "twenty-one"), 115 → [["one"], ["hundred"], ["fifteen"]]. The American form without
/// "and" keeps announcements short.
pub fn english(n: u32) -> Vec<Vec<&'static str>> {
    if !is_speakable(n) {
        return digits(n).map(|d| vec![EN_UNITS[d]]).collect();
    }
    let (hundreds, rest) = ((n / 100) as usize, (n % 100) as usize);
    let mut words = Vec::new();
    if hundreds > 0 {
        words.push(vec![EN_UNITS[hundreds]]);
        words.push(vec!["hundred"]);
    }
    if rest >= 20 {
        let mut tens = vec![EN_TENS[rest / 10]];
        if rest % 10 > 0 {
            tens.push(EN_UNITS[rest % 10]);
        }
        words.push(tens);
    } else if rest > 0 {
        words.push(vec![EN_UNITS[rest]]);
    }
    words
}

fn digits(n: u32) -> impl Iterator<Item = usize> {
    n.to_string()
        .into_bytes()
        .into_iter()
        .map(|b| (b - b'0') as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ru(n: u32) -> String {
        russian(n).join(" ")
    }

    fn en(n: u32) -> String {
        english(n)
            .iter()
            .map(|w| w.join("-"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn russian_one_to_twenty() {
        let expected = [
            "один",
            "два",
            "три",
            "четыре",
            "пять",
            "шесть",
            "семь",
            "восемь",
            "девять",
            "десять",
            "одиннадцать",
            "двенадцать",
            "тринадцать",
            "четырнадцать",
            "пятнадцать",
            "шестнадцать",
            "семнадцать",
            "восемнадцать",
            "девятнадцать",
            "двадцать",
        ];
        for (n, words) in (1..=20).zip(expected) {
            assert_eq!(ru(n), words, "{n}");
        }
    }

    #[test]
    fn russian_tens_and_their_neighbours() {
        assert_eq!(ru(21), "двадцать один");
        assert_eq!(ru(29), "двадцать девять");
        assert_eq!(ru(30), "тридцать");
        assert_eq!(ru(40), "сорок");
        assert_eq!(ru(44), "сорок четыре");
        assert_eq!(ru(50), "пятьдесят");
        assert_eq!(ru(60), "шестьдесят");
        assert_eq!(ru(70), "семьдесят");
        assert_eq!(ru(80), "восемьдесят");
        assert_eq!(ru(90), "девяносто");
        assert_eq!(ru(99), "девяносто девять");
    }

    #[test]
    fn russian_hundreds() {
        assert_eq!(ru(100), "сто");
        assert_eq!(ru(101), "сто один");
        assert_eq!(ru(110), "сто десять");
        assert_eq!(ru(111), "сто одиннадцать");
        assert_eq!(ru(120), "сто двадцать");
        assert_eq!(ru(200), "двести");
        assert_eq!(ru(300), "триста");
        assert_eq!(ru(400), "четыреста");
        assert_eq!(ru(415), "четыреста пятнадцать");
        assert_eq!(ru(500), "пятьсот");
        assert_eq!(ru(600), "шестьсот");
        assert_eq!(ru(700), "семьсот");
        assert_eq!(ru(800), "восемьсот");
        assert_eq!(ru(900), "девятьсот");
        assert_eq!(ru(909), "девятьсот девять");
        assert_eq!(ru(999), "девятьсот девяносто девять");
    }

    #[test]
    fn outside_one_to_999_is_said_digit_by_digit() {
        assert_eq!(ru(0), "ноль");
        assert_eq!(ru(1000), "один ноль ноль ноль");
        assert_eq!(ru(1015), "один ноль один пять");
        assert_eq!(en(1000), "one zero zero zero");
    }

    #[test]
    fn russian_words_for_every_number_are_one_to_three() {
        for n in 1..=999 {
            let words = russian(n);
            assert!((1..=3).contains(&words.len()), "{n}: {words:?}");
            assert!(words.iter().all(|w| !w.is_empty()), "{n}: {words:?}");
        }
    }

    #[test]
    fn english_numbers() {
        let teens = [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ];
        for (n, words) in (1..=20).zip(teens) {
            assert_eq!(en(n), words, "{n}");
        }
        assert_eq!(en(21), "twenty-one");
        assert_eq!(en(40), "forty");
        assert_eq!(en(99), "ninety-nine");
        assert_eq!(en(100), "one hundred");
        assert_eq!(en(101), "one hundred one");
        assert_eq!(en(115), "one hundred fifteen");
        assert_eq!(en(250), "two hundred fifty");
        assert_eq!(en(999), "nine hundred ninety-nine");
        assert_eq!(en(0), "zero");
    }
}
