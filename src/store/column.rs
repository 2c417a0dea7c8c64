//! Columns read as the value SQLite holds (`Row::get_ref`), for the queries
//! that walk a million reviews (the backup, the report): `Row::get`'s index
//! check and `FromSql` conversion around each call were about a third of
//! reading them. Conversions are `FromSql`'s: an integer reads as a real.

use rusqlite::Row;
use rusqlite::types::{FromSqlError, ValueRef};

#[inline]
fn value<'r>(row: &'r Row<'_>, i: usize) -> rusqlite::Result<ValueRef<'r>> {
    row.get_ref(i)
}

fn bad(i: usize, v: ValueRef<'_>, e: FromSqlError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e))
}

#[inline]
pub(super) fn int(row: &Row<'_>, i: usize) -> rusqlite::Result<i64> {
    let v = value(row, i)?;
    v.as_i64().map_err(|e| bad(i, v, e))
}

#[inline]
pub(super) fn int_or_null(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<i64>> {
    let v = value(row, i)?;
    v.as_i64_or_null().map_err(|e| bad(i, v, e))
}

#[inline]
pub(super) fn real_or_null(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<f64>> {
    match value(row, i)? {
        ValueRef::Null => Ok(None),
        ValueRef::Integer(n) => Ok(Some(n as f64)),
        v => v.as_f64().map(Some).map_err(|e| bad(i, v, e)),
    }
}

#[inline]
pub(super) fn real(row: &Row<'_>, i: usize) -> rusqlite::Result<f64> {
    real_or_null(row, i)?.ok_or_else(|| bad(i, ValueRef::Null, FromSqlError::InvalidType))
}

#[inline]
pub(super) fn text<'r>(row: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    let v = value(row, i)?;
    v.as_str().map_err(|e| bad(i, v, e))
}

#[inline]
pub(super) fn text_or_null<'r>(row: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    let v = value(row, i)?;
    v.as_str_or_null().map_err(|e| bad(i, v, e))
}

/// A list of strings kept as a JSON array (`heading_path`, `tags`: written
/// by `write::json`).
pub(super) fn string_list(row: &Row<'_>, i: usize) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(text(row, i)?).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    /// Each reader agrees with `Row::get` on what it accepts and refuses.
    #[test]
    fn the_readers_convert_as_row_get_does() {
        let conn = Connection::open_in_memory().unwrap();
        let mut stmt = conn
            .prepare("SELECT 7, NULL, 2.5, 3, '텍스트', X'00'")
            .unwrap();
        let mut rows = stmt.query([]).unwrap();
        let r = rows.next().unwrap().unwrap();
        for i in 0..6 {
            assert_eq!(int(r, i).ok(), r.get::<_, i64>(i).ok(), "int {i}");
            assert_eq!(
                int_or_null(r, i).ok(),
                r.get::<_, Option<i64>>(i).ok(),
                "int_or_null {i}"
            );
            assert_eq!(real(r, i).ok(), r.get::<_, f64>(i).ok(), "real {i}");
            assert_eq!(
                real_or_null(r, i).ok(),
                r.get::<_, Option<f64>>(i).ok(),
                "real_or_null {i}"
            );
            assert_eq!(
                text(r, i).ok(),
                r.get_ref(i).unwrap().as_str().ok(),
                "text {i}"
            );
            assert_eq!(
                text_or_null(r, i).ok().flatten(),
                r.get::<_, Option<String>>(i).ok().flatten().as_deref(),
                "text_or_null {i}"
            );
        }
        assert_eq!(real(r, 3).unwrap(), 3.0);
        assert!(int(r, 2).is_err());
        assert!(text(r, 0).is_err());
    }
}
