//! A note's YAML front matter, as far as the card rules read it: `tags:`,
//! `aliases:`, `deck:`, `cloze: bold` and `split: list`.
//!
//! Only these few keys are read, each a scalar or a list (`[a, b]` or `- a`
//! lines), the shapes Obsidian writes; anything else in the block is left
//! alone rather than rejected, so a note with a front matter this reader does
//! not understand still imports. A full YAML parser would add a dependency
//! for four keys.

/// What the front matter asks of the card rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `tags:` (a leading `#` dropped): tags of every card of the note.
    pub tags: Vec<String>,
    /// `aliases:`: other names of the note.
    pub aliases: Vec<String>,
    /// `deck:`: the note's deck, over its H1.
    pub deck: Option<String>,
    /// `cloze: bold`: bold terms in list items are clozes.
    pub cloze_bold: bool,
    /// `split: list`: a list of named items is one card per item.
    pub split_list: bool,
}

/// Reads the front matter at the start of `note` (`---` … `---`), if any.
/// `note` after its front matter (all of it when it has none).
pub fn body(note: &str) -> &str {
    let Some(rest) = note
        .strip_prefix("---\n")
        .or_else(|| note.strip_prefix("---\r\n"))
    else {
        return note;
    };
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        at += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return &rest[at..];
        }
    }
    note
}

pub fn read(note: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut lines = note.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return fm;
    }
    let mut key: Option<String> = None;
    for line in lines {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            break;
        }
        if let Some(item) = t.trim_start().strip_prefix("- ")
            && line.starts_with([' ', '-'])
            && let Some(k) = &key
        {
            add(&mut fm, k, unquote(item));
            continue;
        }
        let Some((k, v)) = t.split_once(':') else {
            continue;
        };
        if k.starts_with(' ') {
            continue;
        }
        let k = k.trim().to_ascii_lowercase();
        let v = v.trim();
        key = Some(k.clone());
        if let Some(inner) = v.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            for item in inner.split(',') {
                add(&mut fm, &k, unquote(item));
            }
        } else if !v.is_empty() {
            match k.as_str() {
                // Obsidian also accepts `tags: a b` and `tags: a, b`.
                "tags" | "tag" => {
                    for item in v.split([',', ' ']) {
                        add(&mut fm, &k, unquote(item));
                    }
                }
                _ => add(&mut fm, &k, unquote(v)),
            }
        }
    }
    fm
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
        .unwrap_or(s)
        .trim()
}

fn add(fm: &mut FrontMatter, key: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    match key {
        "tags" | "tag" => {
            let tag = super::key::tag(value.trim_start_matches('#'));
            if !tag.is_empty() && !fm.tags.contains(&tag) {
                fm.tags.push(tag);
            }
        }
        "aliases" | "alias" => fm.aliases.push(value.to_string()),
        "deck" => fm.deck = Some(value.to_string()),
        "cloze" => fm.cloze_bold |= value.eq_ignore_ascii_case("bold"),
        "split" => fm.split_list |= value.eq_ignore_ascii_case("list"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obsidian_front_matter_shapes() {
        let fm = read(
            "---\ntags: [network, \"#tcp\"]\naliases:\n  - 전송 계층\n  - L4\ndeck: 전송\ncloze: bold\nsplit: list\nother: {x: 1}\n---\n# 제목\n",
        );
        assert_eq!(fm.tags, ["network", "tcp"]);
        assert_eq!(fm.aliases, ["전송 계층", "L4"]);
        assert_eq!(fm.deck.as_deref(), Some("전송"));
        assert!(fm.cloze_bold && fm.split_list);
        let fm = read("---\ntags:\n- a\n- b\n---\n");
        assert_eq!(fm.tags, ["a", "b"]);
        assert_eq!(read("---\ntags: x y\n---\n").tags, ["x", "y"]);
    }

    #[test]
    fn no_front_matter_is_empty() {
        assert_eq!(read("# T\ntags: a\n"), FrontMatter::default());
        assert_eq!(read(""), FrontMatter::default());
    }
}
