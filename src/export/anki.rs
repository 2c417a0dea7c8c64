//! Anki's text import format (<https://docs.ankiweb.net/importing/text-files.html>):
//! tab-separated, with file headers that tell Anki the separator, that fields
//! are HTML, the note type, and which columns hold the GUID, deck and tags.
//!
//! The GUID is `synack-<card id>`, so importing a second export updates the
//! notes of the first instead of adding duplicates. Fronts and backs are the
//! card's Markdown rendered to HTML; a field never contains a raw tab or
//! newline, so each card is exactly one line.
//!
//! Anki shows fields as live HTML and runs their scripts, and Markdown lets
//! raw HTML through; so the rendered HTML goes through ammonia's allow-list
//! sanitizer: formatting tags stay, `<script>`, `<iframe>`, event-handler
//! attributes (`onerror=`, `onload=`) and `javascript:` URLs go.

use std::io::Write;
use std::sync::LazyLock;

use pulldown_cmark::{Parser, html};

use crate::store::BackupData;

/// The headers, each on its own line, before the first card.
pub const HEADERS: &str = "#separator:tab
#html:true
#notetype:Basic
#columns:guid\tdeck\tFront\tBack\ttags
#guid column:1
#deck column:2
#tags column:5
";

/// The headers when some card is a cloze: a column names each note's type,
/// `Basic` or Anki's own `Cloze` (whose fields are Text and Back Extra).
pub const HEADERS_WITH_CLOZE: &str = "#separator:tab
#html:true
#notetype column:2
#columns:guid\tnotetype\tdeck\tFront\tBack\ttags
#guid column:1
#deck column:3
#tags column:6
";

pub fn write(mut out: impl Write, data: &BackupData) -> Result<(), csv::Error> {
    // An export without clozes keeps the plain Basic layout older imports know.
    let clozes = data.cards.iter().any(|c| c.kind == "cloze");
    out.write_all(if clozes { HEADERS_WITH_CLOZE } else { HEADERS }.as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_writer(out);
    for c in &data.cards {
        let deck = format!("synack::{}", c.deck);
        let tags = super::joined_tags(&c.tags);
        if !clozes {
            w.write_record([guid(c.id), deck, to_html(&c.front), to_html(&c.back), tags])?;
            continue;
        }
        // A cloze card is a Cloze note of one gap, `{{c1::…}}`, so each synack
        // card stays one Anki card; the whole sentence goes in Back Extra
        // only when the gaps cannot be rebuilt (a card edited by hand).
        let (notetype, first, second) = match (c.kind == "cloze")
            .then(|| crate::deck::cloze::anki_text(&c.front, &c.back))
            .flatten()
        {
            Some(text) => ("Cloze", to_html(&text), String::new()),
            None => ("Basic", to_html(&c.front), to_html(&c.back)),
        };
        w.write_record([guid(c.id), notetype.to_string(), deck, first, second, tags])?;
    }
    w.flush()?;
    Ok(())
}

/// The note's GUID in Anki: stable for as long as the card keeps its id.
pub fn guid(card_id: i64) -> String {
    format!("synack-{card_id}")
}

/// ammonia's default allow-list (formatting tags, `href`/`src` with http,
/// https, mailto and the like), built once for the whole export.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(ammonia::Builder::default);

/// Markdown to one line of sanitized HTML. Newlines between blocks mean
/// nothing in HTML and become spaces; inside `<pre>` they are line breaks and
/// become `<br>`. Tabs become `&#9;` so they cannot split the field.
pub fn to_html(markdown: &str) -> String {
    let mut unsafe_html = String::new();
    html::push_html(
        &mut unsafe_html,
        Parser::new_ext(markdown, crate::markdown::options()),
    );
    let rendered = SANITIZER.clean(&unsafe_html).to_string();
    let mut out = String::with_capacity(rendered.len());
    let mut in_pre = false;
    let mut rest = rendered.trim_end();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<pre") {
            in_pre = true;
        } else if rest.starts_with("</pre>") {
            in_pre = false;
        }
        match c {
            '\n' if in_pre => out.push_str("<br>"),
            '\n' => out.push(' '),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn fields_are_one_line_of_html() {
        assert_eq!(
            to_html("**SYN** 다음\n\n- SYN-ACK"),
            "<p><strong>SYN</strong> 다음</p> <ul> <li>SYN-ACK</li> </ul>"
        );
        assert_eq!(
            to_html("```\nss -tan\nnetstat\n```"),
            "<pre><code>ss -tan<br>netstat<br></code></pre>"
        );
        assert_eq!(
            to_html("a\tb < c & \"q\""),
            "<p>a&#9;b &lt; c &amp; \"q\"</p>"
        );
    }

    /// Regression (issue 24, item 8): raw HTML in a note reached Anki live.
    #[test]
    fn scripts_handlers_and_javascript_urls_do_not_survive() {
        let payloads = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<body onload=alert(1)>",
            "<svg onload=alert(1)></svg>",
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
        ];
        for p in payloads {
            for md in [p.to_string(), format!("앞\n\n{p}\n\n뒤")] {
                let html = to_html(&md).to_lowercase();
                for bad in [
                    "<script",
                    "onerror",
                    "onload",
                    "javascript:",
                    "<iframe",
                    "style=",
                ] {
                    assert!(!html.contains(bad), "{md:?} gave {html:?}");
                }
            }
        }
        // Formatting and ordinary links stay.
        assert_eq!(
            to_html("**굵게** [RFC](https://www.rfc-editor.org/rfc/rfc9293) <b>b</b>"),
            "<p><strong>굵게</strong> <a href=\"https://www.rfc-editor.org/rfc/rfc9293\" \
             rel=\"noopener noreferrer\">RFC</a> <b>b</b></p>"
        );
    }
}
