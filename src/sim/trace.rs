//! The structured trace every demo produces: what happened, in order, as
//! data. A demo never formats text for the terminal itself; it emits
//! [`Block`]s through an [`Emitter`], and [`crate::sim::render`] draws them at
//! the terminal's width (or as JSON, inside the demo's own document).
//!
//! Blocks are emitted one at a time, as they happen, so that a live demo
//! shown with `--step` performs each step only when the previous one has been
//! read: the [`Emitter`] hands every block to an optional live observer (the
//! CLI's renderer) before the demo goes on, and records it for the
//! [`Report`](crate::sim::Report).
//!
//! The views follow Wireshark's: a one-line summary per message in a
//! sequence diagram ([`Block::Lanes`] then [`Block::Event`]s), a tree of
//! layers and fields ([`Block::Fields`]), the bytes ([`Block::Pre`]), and
//! "expert info" notes attached to the event they explain.

use serde::Serialize;

use super::{Common, SimError};

/// Everything a demo emitted, in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Trace {
    pub blocks: Vec<Block>,
}

/// One unit of a demo's output; with `--step`, one step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block {
    /// The demo's title line, e.g. "TCP 연결 설정과 해제 (RFC 9293): open".
    Title { text: String },
    /// A section heading inside the output.
    Heading { text: String },
    /// A paragraph, wrapped to the width.
    Text { text: String },
    /// `label: text`, wrapped with a hanging indent under the text.
    Note { label: String, text: String },
    /// Starts a sequence diagram with one lane per actor; the
    /// [`Block::Event`]s that follow are its rows, until the next `Lanes`.
    /// With `states`, the first and last lanes get a column for the state
    /// each row leaves them in ([`Event::states`]), as RFC 9293's figures
    /// write it beside each line.
    Lanes {
        actors: Vec<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        states: bool,
    },
    /// One row of the current sequence diagram.
    Event(Event),
    /// A table; drawn as `key: value` blocks when it cannot fit.
    Table(Table),
    /// A line chart of one or more series over the same x axis.
    Chart(Chart),
    /// A horizontal bar chart: one labelled bar per item, scaled to the
    /// largest value (a spread, a share).
    Bars(Bars),
    /// A tree of fields, Wireshark's packet details: each field's depth is
    /// its nesting under the one before it.
    Fields { title: String, fields: Vec<Field> },
    /// Preformatted lines (a hex dump, code): never wrapped; a line that
    /// does not fit is cut and marked.
    Pre { lines: Vec<String> },
}

/// A row of a sequence diagram.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// When it happened, in milliseconds from the demo's start.
    pub time_ms: Option<f64>,
    #[serde(flatten)]
    pub kind: EventKind,
    /// Explanations shown under the row, each wrapped with a hanging indent.
    pub notes: Vec<String>,
    /// Each lane's state after this row (by actor index; `None` where the
    /// demo has none to say), drawn beside the lanes when the diagram's
    /// [`Block::Lanes`] asked for state columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub states: Vec<Option<String>>,
}

/// What a row of a sequence diagram shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// A message from one lane to another (indices into the actors).
    /// `lost` draws it as dropped on the way.
    Message {
        from: usize,
        to: usize,
        label: String,
        lost: bool,
    },
    /// Something one actor did or that happened to it (a call, a timer);
    /// `state`, when set, is the state it is in afterwards.
    Action {
        actor: usize,
        label: String,
        state: Option<String>,
    },
    /// An actor's state changed, with nothing sent.
    State { actor: usize, state: String },
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub title: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A line chart. Points share the x axis; a `None` y is a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<Series>,
}

/// A horizontal bar chart; `unit` follows each value ("req").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bars {
    pub title: String,
    pub unit: String,
    pub bars: Vec<(String, f64)>,
}

/// One line of a chart, drawn with its own mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub name: String,
    pub mark: char,
    pub points: Vec<(f64, Option<f64>)>,
}

/// One field of a [`Block::Fields`] tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    pub depth: usize,
    pub name: String,
    pub value: String,
}

impl Field {
    pub fn new(depth: usize, name: impl Into<String>, value: impl Into<String>) -> Field {
        Field {
            depth,
            name: name.into(),
            value: value.into(),
        }
    }
}

/// What the live observer wants after seeing a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// The reader asked to stop (`q` at a `--step` prompt).
    Stop,
}

/// The live observer (the CLI's renderer): told the demo's options once
/// they are parsed, then shown each block as it is emitted.
pub trait Observer {
    fn start(&mut self, common: &Common);
    fn block(&mut self, block: &Block) -> Flow;
}

/// Where a demo sends its blocks: recorded, and shown live when observed.
pub struct Emitter<'a> {
    common: Option<Common>,
    trace: Trace,
    live: Option<&'a mut dyn Observer>,
}

impl std::fmt::Debug for Emitter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emitter")
            .field("common", &self.common)
            .field("blocks", &self.trace.blocks.len())
            .field("live", &self.live.is_some())
            .finish()
    }
}

impl Emitter<'static> {
    /// Records only: for JSON, tests, and demos run inside the quiz.
    pub fn recording() -> Emitter<'static> {
        Emitter {
            common: None,
            trace: Trace::default(),
            live: None,
        }
    }
}

impl<'a> Emitter<'a> {
    /// Records, and hands each block to `observer` before the demo goes on.
    pub fn live(observer: &'a mut dyn Observer) -> Emitter<'a> {
        Emitter {
            common: None,
            trace: Trace::default(),
            live: Some(observer),
        }
    }

    /// Called by the demo once its options are parsed, before it emits.
    pub fn start(&mut self, common: &Common) {
        self.common = Some(common.clone());
        if let Some(live) = self.live.as_mut() {
            live.start(common);
        }
    }

    /// Emits one block. `Err(SimError::Stopped)` when the reader asked to
    /// stop: the demo returns it as it is, closing what it opened on the way.
    pub fn emit(&mut self, block: Block) -> Result<(), SimError> {
        let flow = match self.live.as_mut() {
            Some(live) => live.block(&block),
            None => Flow::Continue,
        };
        self.trace.blocks.push(block);
        match flow {
            Flow::Continue => Ok(()),
            Flow::Stop => Err(SimError::Stopped),
        }
    }

    pub fn title(&mut self, text: impl Into<String>) -> Result<(), SimError> {
        self.emit(Block::Title { text: text.into() })
    }

    pub fn heading(&mut self, text: impl Into<String>) -> Result<(), SimError> {
        self.emit(Block::Heading { text: text.into() })
    }

    pub fn text(&mut self, text: impl Into<String>) -> Result<(), SimError> {
        self.emit(Block::Text { text: text.into() })
    }

    pub fn note(
        &mut self,
        label: impl Into<String>,
        text: impl Into<String>,
    ) -> Result<(), SimError> {
        self.emit(Block::Note {
            label: label.into(),
            text: text.into(),
        })
    }

    pub fn lanes<S: Into<String>>(
        &mut self,
        actors: impl IntoIterator<Item = S>,
    ) -> Result<(), SimError> {
        self.emit(Block::Lanes {
            actors: actors.into_iter().map(Into::into).collect(),
            states: false,
        })
    }

    /// A sequence diagram whose rows show each lane's state beside it
    /// (see [`Event::states`]).
    pub fn lanes_with_states<S: Into<String>>(
        &mut self,
        actors: impl IntoIterator<Item = S>,
    ) -> Result<(), SimError> {
        self.emit(Block::Lanes {
            actors: actors.into_iter().map(Into::into).collect(),
            states: true,
        })
    }

    pub fn event(&mut self, event: Event) -> Result<(), SimError> {
        self.emit(Block::Event(event))
    }

    pub fn table(&mut self, table: Table) -> Result<(), SimError> {
        self.emit(Block::Table(table))
    }

    pub fn chart(&mut self, chart: Chart) -> Result<(), SimError> {
        self.emit(Block::Chart(chart))
    }

    pub fn bars(&mut self, bars: Bars) -> Result<(), SimError> {
        self.emit(Block::Bars(bars))
    }

    pub fn fields(&mut self, title: impl Into<String>, fields: Vec<Field>) -> Result<(), SimError> {
        self.emit(Block::Fields {
            title: title.into(),
            fields,
        })
    }

    pub fn pre(&mut self, lines: Vec<String>) -> Result<(), SimError> {
        self.emit(Block::Pre { lines })
    }

    /// The options the demo started with, and everything emitted so far,
    /// leaving the emitter empty.
    pub fn take(&mut self) -> (Common, Trace) {
        (
            self.common.take().unwrap_or_default(),
            std::mem::take(&mut self.trace),
        )
    }
}

impl Table {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Table {
        Table {
            title: None,
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn titled(mut self, title: impl Into<String>) -> Table {
        self.title = Some(title.into());
        self
    }

    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }
}

impl Event {
    pub fn message(time_ms: f64, from: usize, to: usize, label: impl Into<String>) -> Event {
        Event {
            time_ms: Some(time_ms),
            kind: EventKind::Message {
                from,
                to,
                label: label.into(),
                lost: false,
            },
            notes: Vec::new(),
            states: Vec::new(),
        }
    }

    pub fn action(time_ms: f64, actor: usize, label: impl Into<String>) -> Event {
        Event {
            time_ms: Some(time_ms),
            kind: EventKind::Action {
                actor,
                label: label.into(),
                state: None,
            },
            notes: Vec::new(),
            states: Vec::new(),
        }
    }

    pub fn state(time_ms: f64, actor: usize, state: impl Into<String>) -> Event {
        Event {
            time_ms: Some(time_ms),
            kind: EventKind::State {
                actor,
                state: state.into(),
            },
            notes: Vec::new(),
            states: Vec::new(),
        }
    }

    /// Marks a message as lost on the way.
    pub fn lost(mut self) -> Event {
        if let EventKind::Message { lost, .. } = &mut self.kind {
            *lost = true;
        }
        self
    }

    /// The state the acting lane is in afterwards (actions only).
    pub fn then(mut self, new_state: impl Into<String>) -> Event {
        if let EventKind::Action { state, .. } = &mut self.kind {
            *state = Some(new_state.into());
        }
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Event {
        self.notes.push(note.into());
        self
    }

    /// Each lane's state after this row, by actor index.
    pub fn states<S: Into<String>>(mut self, states: impl IntoIterator<Item = Option<S>>) -> Event {
        self.states = states.into_iter().map(|s| s.map(Into::into)).collect();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recording_keeps_every_block_in_order() {
        let mut e = Emitter::recording();
        e.title("t").unwrap();
        e.lanes(["client", "server"]).unwrap();
        e.event(Event::message(0.0, 0, 1, "SYN").note("n")).unwrap();
        let (_, trace) = e.take();
        assert_eq!(trace.blocks.len(), 3);
        assert!(matches!(&trace.blocks[2], Block::Event(ev) if ev.notes == ["n"]));
    }

    /// Stops at the second block it sees.
    #[derive(Default)]
    struct StopAtTwo {
        started: bool,
        seen: usize,
    }

    impl Observer for StopAtTwo {
        fn start(&mut self, _: &Common) {
            self.started = true;
        }
        fn block(&mut self, _: &Block) -> Flow {
            self.seen += 1;
            if self.seen == 2 {
                Flow::Stop
            } else {
                Flow::Continue
            }
        }
    }

    #[test]
    fn the_observer_sees_each_block_before_the_next_and_can_stop() {
        let mut observer = StopAtTwo::default();
        let mut e = Emitter::live(&mut observer);
        e.start(&Common::default());
        e.text("one").unwrap();
        assert!(matches!(e.text("two"), Err(SimError::Stopped)));
        drop(e);
        assert!(observer.started);
        assert_eq!(observer.seen, 2);
    }

    #[test]
    fn json_names_the_block_and_event_kinds() {
        let ev = Block::Event(Event::message(50.0, 0, 1, "SYN").lost());
        let v = serde_json::to_value(&ev).unwrap();
        assert_eq!(v["block"], "event");
        assert_eq!(v["kind"], "message");
        assert_eq!(v["time_ms"], 50.0);
        assert_eq!(v["lost"], true);
    }
}
