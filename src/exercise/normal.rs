//! How typed answers are normalised before they are compared: case, spaces
//! and separators go (`SYN,ACK`, `SYN+ACK`, `SYN-ACK` and `syn ack` are one
//! answer), and the Korean words an answer is likely to use become the
//! English ones the model speaks (`예` → `yes`, `포트가` → `port`).

use crate::sim::tcp::State;

/// Korean (and a few English) words and their canonical form.
const SYNONYMS: &[(&str, &str)] = &[
    ("예", "yes"),
    ("네", "yes"),
    ("응", "yes"),
    ("y", "yes"),
    ("같다", "yes"),
    ("같음", "yes"),
    ("같습니다", "yes"),
    ("same", "yes"),
    ("아니오", "no"),
    ("아니요", "no"),
    ("아니", "no"),
    ("n", "no"),
    ("다르다", "no"),
    ("다름", "no"),
    ("다릅니다", "no"),
    ("different", "no"),
    ("스킴", "scheme"),
    ("스키마", "scheme"),
    ("호스트", "host"),
    ("포트", "port"),
    ("없음", "none"),
    ("없다", "none"),
    ("없습니다", "none"),
    ("nothing", "none"),
    ("rcvd", "received"),
    ("클라이언트", "client"),
    ("서버", "server"),
    ("캐시", "cache"),
    ("보냄", "sent"),
    ("프레임", "frame"),
    ("패킷", "packet"),
    ("세그먼트", "segment"),
    ("데이터그램", "datagram"),
    ("비트", "bits"),
    ("데이터", "data"),
    ("메시지", "message"),
];

/// Particles that may follow a Korean word in an answer (`포트가`, `서버는`).
const PARTICLES: &[char] = &['가', '이', '은', '는', '을', '를', '도', '만', '와', '과'];

fn is_separator(c: char) -> bool {
    c.is_whitespace() || ",+/-_:;.()[]{}·→<>|=\"'`!?".contains(c)
}

fn canonical(word: &str) -> String {
    let find = |w: &str| {
        SYNONYMS
            .iter()
            .find(|(k, _)| *k == w)
            .map(|(_, v)| v.to_string())
    };
    if let Some(v) = find(word) {
        return v;
    }
    if let Some(last) = word.chars().last()
        && PARTICLES.contains(&last)
        && word.chars().count() > 1
    {
        let stem = &word[..word.len() - last.len_utf8()];
        if let Some(v) = find(stem) {
            return v;
        }
    }
    word.to_string()
}

/// The answer's words, lower-case and canonical.
pub fn tokens(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .map(canonical)
        .collect()
}

/// The answer as one comparable string: its [`tokens`] joined by a space.
pub fn normalize(s: &str) -> String {
    tokens(s).join(" ")
}

/// The one unsigned integer in `s` (thousands separators allowed), or `None`
/// when there is none or more than one.
pub fn number(s: &str) -> Option<u64> {
    let s: String = s.chars().filter(|c| *c != ',' && *c != '_').collect();
    let mut runs = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty());
    let n = runs.next()?.parse().ok()?;
    runs.next().is_none().then_some(n)
}

/// Every unsigned integer in `s`, in order (`,` between digits is a
/// list separator here, not a thousands separator).
pub fn numbers(s: &str) -> Vec<u64> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .filter_map(|r| r.parse().ok())
        .collect()
}

/// The TCP states named in `s` (normalised, in order, without repeats) and
/// the control bits named outside them (sorted, without repeats), and
/// whether `none` was said.
pub fn states_and_flags(s: &str) -> (Vec<String>, Vec<String>, bool) {
    const ALL: [State; 11] = [
        State::Closed,
        State::Listen,
        State::SynSent,
        State::SynReceived,
        State::Established,
        State::FinWait1,
        State::FinWait2,
        State::CloseWait,
        State::Closing,
        State::LastAck,
        State::TimeWait,
    ];
    let mut names: Vec<Vec<String>> = ALL.iter().map(|s| tokens(s.name())).collect();
    // Longest first: `fin wait 1` before a lone `fin`.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let t = tokens(s);
    let (mut states, mut flags, mut none) = (Vec::new(), Vec::new(), false);
    let mut i = 0;
    while i < t.len() {
        if let Some(n) = names.iter().find(|n| t[i..].starts_with(n)) {
            let name = n.join(" ");
            if !states.contains(&name) {
                states.push(name);
            }
            i += n.len();
            continue;
        }
        match t[i].as_str() {
            f @ ("syn" | "ack" | "fin" | "rst") if !flags.iter().any(|g| g == f) => {
                flags.push(f.to_string());
            }
            "none" => none = true,
            _ => {}
        }
        i += 1;
    }
    flags.sort();
    (states, flags, none)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_case_go() {
        assert_eq!(normalize("SYN,ACK"), "syn ack");
        assert_eq!(normalize("SYN+ACK"), normalize("syn-ack"));
        assert_eq!(normalize("  Time_Wait "), "time wait");
    }

    #[test]
    fn korean_words_become_english_with_or_without_particles() {
        assert_eq!(tokens("아니요, 포트가 다릅니다"), ["no", "port", "no"]);
        assert_eq!(tokens("서버는"), ["server"]);
        // A word that only ends like a particle is left alone.
        assert_eq!(tokens("가"), ["가"]);
    }

    #[test]
    fn states_are_found_before_flags() {
        let (s, f, none) = states_and_flags("SYN-SENT → SYN,ACK");
        assert_eq!(s, ["syn sent"]);
        assert_eq!(f, ["ack", "syn"]);
        assert!(!none);
        let (s, f, none) = states_and_flags("fin-wait-2, 없음");
        assert_eq!((s, f, none), (vec!["fin wait 2".to_string()], vec![], true));
    }

    #[test]
    fn one_number_only() {
        assert_eq!(number("ACK = 1,001"), Some(1001));
        assert_eq!(number("3000ms"), Some(3000));
        assert_eq!(number("1 2"), None);
        assert_eq!(number("없음"), None);
    }
}
