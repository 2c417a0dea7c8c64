//! Obsidian's Markdown, made CommonMark before the card rules read a note.
//!
//! - `[[target]]`, `[[target|alias]]`, `[[target#heading]]` become Markdown
//!   links (`[alias](<target>)`): a card shows their text, the JSON backup
//!   keeps the link;
//! - `![[image.png]]` becomes an image, `![[note]]` an embed shown as a
//!   reference (`↪ [note](<note>)`);
//! - `%%comments%%` and HTML comments (`<!-- … -->`) are dropped, except
//!   synack's own directives (`<!-- synack: … -->`), which the rules read;
//! - callouts (`> [!note] Title`) lose their marker and read as quotes.
//!
//! Every line stays on its line (a dropped comment leaves its line breaks),
//! so cards keep the note's line numbers. Code blocks and inline code are
//! left as written. [`inline_tags`] reads `#tags` from a card's text.

use std::borrow::Cow;

const IMAGE_EXTENSIONS: [&str; 8] = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "avif"];

/// `note` with Obsidian's syntax rewritten; borrowed when there is none.
pub(super) fn preprocess(note: &str) -> Cow<'_, str> {
    if !note.contains("[[")
        && !note.contains("%%")
        && !note.contains("<!--")
        && !note.contains("[!")
    {
        return Cow::Borrowed(note);
    }
    let mut out = String::with_capacity(note.len() + 64);
    let mut fence: Option<String> = None;
    let mut in_comment: Option<&'static str> = None;
    let mut front_matter = note.starts_with("---\n");
    for (n, line) in note.split_inclusive('\n').enumerate() {
        if front_matter {
            out.push_str(line);
            if n > 0 && matches!(line.trim_end(), "---" | "...") {
                front_matter = false;
            }
            continue;
        }
        let trimmed = line.trim_start();
        if in_comment.is_none() {
            if let Some(f) = &fence {
                if trimmed.starts_with(f.as_str()) {
                    fence = None;
                }
                out.push_str(line);
                continue;
            }
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                let c = trimmed.as_bytes()[0];
                let len = trimmed.bytes().take_while(|&b| b == c).count();
                fence = Some(trimmed[..len].to_string());
                out.push_str(line);
                continue;
            }
        }
        let line = strip_comments(line, &mut in_comment);
        let line = callout(&line);
        out.push_str(&wikilinks(&line));
    }
    Cow::Owned(out)
}

/// Drops `%%…%%` and `<!-- … -->` from `line`, carrying an open comment over
/// to the next line in `open` (its closing marker). The line break stays.
fn strip_comments(line: &str, open: &mut Option<&'static str>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    loop {
        if let Some(close) = *open {
            match rest.find(close) {
                Some(at) => {
                    rest = &rest[at + close.len()..];
                    *open = None;
                }
                None => {
                    if rest.ends_with('\n') {
                        out.push('\n');
                    }
                    return out;
                }
            }
        }
        let next = [("%%", "%%"), ("<!--", "-->")]
            .into_iter()
            .filter_map(|(o, c)| rest.find(o).map(|at| (at, o, c)))
            .filter(|&(at, _, _)| !in_code(rest, at))
            .min_by_key(|&(at, _, _)| at);
        let Some((at, o, c)) = next else {
            out.push_str(rest);
            return out;
        };
        if o == "<!--" && rest[at + 4..].trim_start().starts_with("synack:") {
            // A directive: kept whole for the rules.
            let end = rest[at..].find("-->").map_or(rest.len(), |e| at + e + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        out.push_str(&rest[..at]);
        rest = &rest[at + o.len()..];
        *open = Some(c);
    }
}

/// Whether byte `at` of `line` sits inside an inline code span.
fn in_code(line: &str, at: usize) -> bool {
    line[..at].bytes().filter(|&b| b == b'`').count() % 2 != 0
}

/// `> [!note] Title` → `> Title`, `> [!tip]-` → `>`.
fn callout(line: &str) -> Cow<'_, str> {
    let t = line.trim_start();
    let Some(after_quote) = t.strip_prefix('>') else {
        return Cow::Borrowed(line);
    };
    let inner = after_quote.trim_start();
    let Some(marker) = inner.strip_prefix("[!") else {
        return Cow::Borrowed(line);
    };
    let Some(end) = marker.find(']') else {
        return Cow::Borrowed(line);
    };
    let kind = &marker[..end];
    if kind.is_empty() || !kind.chars().all(|c| c.is_alphanumeric() || c == '-') {
        return Cow::Borrowed(line);
    }
    let title = marker[end + 1..]
        .strip_prefix(['+', '-'])
        .unwrap_or(&marker[end + 1..]);
    let indent = &line[..line.len() - t.len()];
    let title = title.trim();
    let newline = if line.ends_with('\n') { "\n" } else { "" };
    Cow::Owned(if title.is_empty() {
        format!("{indent}>{newline}")
    } else {
        format!("{indent}> {title}{newline}")
    })
}

/// Rewrites the wikilinks and embeds of one line (inline code left alone).
fn wikilinks(line: &str) -> Cow<'_, str> {
    if !line.contains("[[") {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 16);
    let mut rest = line;
    let mut offset = 0;
    while let Some(at) = rest.find("[[") {
        let Some(len) = rest[at + 2..].find("]]") else {
            break;
        };
        if in_code(line, offset + at) {
            out.push_str(&rest[..at + 2]);
            offset += at + 2;
            rest = &rest[at + 2..];
            continue;
        }
        let inner = &rest[at + 2..at + 2 + len];
        let embed = rest[..at].ends_with('!');
        let before = if embed { &rest[..at - 1] } else { &rest[..at] };
        out.push_str(before);
        out.push_str(&link(inner, embed));
        offset += at + 2 + len + 2;
        rest = &rest[at + 2 + len + 2..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// One `[[inner]]` as Markdown.
fn link(inner: &str, embed: bool) -> String {
    let (target, alias) = match inner.split_once('|') {
        Some((t, a)) => (t.trim(), Some(a.trim())),
        None => (inner.trim(), None),
    };
    let (page, heading) = match target.split_once('#') {
        Some((p, h)) => (p.trim(), Some(h.trim_start_matches('^').trim())),
        None => (target, None),
    };
    let dest = target.replace(['<', '>'], "");
    let is_image = IMAGE_EXTENSIONS.iter().any(|ext| {
        page.rsplit_once('.')
            .is_some_and(|(_, e)| e.eq_ignore_ascii_case(ext))
    });
    if embed && is_image {
        // `![[a.png|300]]`: Obsidian's size, not an alt text.
        let alt = alias
            .filter(|a| !a.chars().all(|c| c.is_ascii_digit() || c == 'x'))
            .unwrap_or(page);
        return format!("![{}](<{dest}>)", escape(alt));
    }
    let text = match (alias, heading) {
        (Some(a), _) if !a.is_empty() => a.to_string(),
        (_, Some(h)) if page.is_empty() => h.to_string(),
        (_, Some(h)) => format!("{page} › {h}"),
        _ => page.to_string(),
    };
    if embed {
        format!("↪ [{}](<{dest}>)", escape(&text))
    } else {
        format!("[{}](<{dest}>)", escape(&text))
    }
}

fn escape(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// The `#tags` in `text` (Obsidian's inline tags): `#` after a space or at
/// a line's start, then letters, digits, `_`, `-`, `/`, not all digits (so
/// `#1` and `C#` are not tags). Code is not searched; headings (`# T`) have a
/// space after the `#` and are never tags.
pub(super) fn inline_tags(text: &str) -> Vec<String> {
    if !text.contains('#') {
        return Vec::new();
    }
    let mut tags = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        for (at, _) in line.match_indices('#') {
            if in_code(line, at)
                || (at > 0 && !line[..at].ends_with(char::is_whitespace))
                || line[..at].ends_with("](")
            {
                continue;
            }
            let tag: String = line[at + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
                .collect();
            if tag.is_empty() || tag.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let tag = super::key::tag(&tag);
            if !tag.is_empty() && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikilinks_become_markdown_links() {
        assert_eq!(
            preprocess("see [[TCP]], [[TCP#Handshake|악수]] and [[UDP#헤더]] `[[raw]]`\n"),
            "see [TCP](<TCP>), [악수](<TCP#Handshake>) and [UDP › 헤더](<UDP#헤더>) `[[raw]]`\n"
        );
        assert_eq!(
            preprocess("![[flow.png|300]]\n![[다른 노트]]\n"),
            "![flow.png](<flow.png>)\n↪ [다른 노트](<다른 노트>)\n"
        );
    }

    #[test]
    fn comments_go_but_keep_their_lines_and_directives_stay() {
        assert_eq!(
            preprocess("a %%hidden%% b\n%%\nmany\n%%\nc <!-- x -->d\n<!-- synack: split -->\n"),
            "a  b\n\n\n\nc d\n<!-- synack: split -->\n"
        );
        assert_eq!(
            preprocess("```\n%% kept %%\n```\n"),
            "```\n%% kept %%\n```\n"
        );
    }

    #[test]
    fn callouts_read_as_quotes() {
        assert_eq!(
            preprocess("> [!note] 핵심\n> 본문\n> [!tip]-\n"),
            "> 핵심\n> 본문\n>\n"
        );
    }

    #[test]
    fn inline_tags_but_not_headings_numbers_or_code() {
        assert_eq!(
            inline_tags("#network 본문 #tcp/handshake\n# 제목\n이슈 #1 C# `#code`\n"),
            ["network", "tcp/handshake"]
        );
    }
}
