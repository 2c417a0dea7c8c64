//! What the note parser and the terminal renderer agree on about Markdown:
//! the CommonMark extensions synack reads and the one HTML tag it understands.

use pulldown_cmark::Options;

/// CommonMark plus GitHub tables, strikethrough and task lists, and YAML
/// front matter (Obsidian notes start with it), which is never card text.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// `<br>`, `<br/>`, `<br />`, in any case: a line break, the only HTML that
/// means something in notes.
pub fn is_br(html: &str) -> bool {
    let h: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    h == "<br>" || h == "<br/>" || h == "</br>"
}

#[cfg(test)]
mod tests {
    use super::is_br;

    #[test]
    fn br_variants() {
        assert!(is_br("<br />"));
        assert!(is_br("<BR>"));
        assert!(!is_br("<b>"));
    }
}
