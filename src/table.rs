//! Aligned plain-text tables that can be printed while rows still stream in.

use std::io::{self, Write};

/// Rows held back before printing, so a short result aligns as a whole while an endless stream
/// still starts printing early and never piles up in memory.
const MAX_BUFFERED_ROWS: usize = 50;

/// Columns are separated by this, wide enough to tell columns apart at a glance.
const GAP: &str = "  ";

/// A table printed in batches: each batch is aligned to the widest cell seen so far, so columns
/// only ever widen and earlier rows stay as they were printed.
pub struct Table<W: Write> {
    out: W,
    headers: Vec<&'static str>,
    right_aligned: Vec<bool>,
    widths: Vec<usize>,
    rows: Vec<Vec<String>>,
    header_printed: bool,
}

impl<W: Write> Table<W> {
    /// A table with these column headers, every column left-aligned.
    pub fn new(out: W, headers: &[&'static str]) -> Self {
        Self {
            out,
            headers: headers.to_vec(),
            right_aligned: vec![false; headers.len()],
            widths: headers.iter().map(|h| h.chars().count()).collect(),
            rows: Vec::new(),
            header_printed: false,
        }
    }

    /// Aligns a column of numbers on the right, where their digits line up.
    pub fn align_right(mut self, column: usize) -> Self {
        if let Some(right) = self.right_aligned.get_mut(column) {
            *right = true;
        }
        self
    }

    /// Adds a row, printing the held-back rows once there are enough of them.
    pub fn push(&mut self, row: Vec<String>) -> io::Result<()> {
        for (width, cell) in self.widths.iter_mut().zip(&row) {
            *width = (*width).max(cell.chars().count());
        }
        self.rows.push(row);
        if self.rows.len() >= MAX_BUFFERED_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    /// Prints the held-back rows (and the header before the first of them).
    pub fn flush(&mut self) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        if !self.header_printed {
            let header: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
            write_line(&mut self.out, &self.widths, &self.right_aligned, &header)?;
            self.header_printed = true;
        }
        for row in std::mem::take(&mut self.rows) {
            write_line(&mut self.out, &self.widths, &self.right_aligned, &row)?;
        }
        self.out.flush()
    }
}

fn write_line(
    out: &mut impl Write,
    widths: &[usize],
    right_aligned: &[bool],
    cells: &[String],
) -> io::Result<()> {
    let mut line = String::new();
    let last = cells.len().saturating_sub(1);
    for (index, cell) in cells.iter().enumerate() {
        let width = widths.get(index).copied().unwrap_or(0);
        let padding = " ".repeat(width.saturating_sub(cell.chars().count()));
        if index > 0 {
            line.push_str(GAP);
        }
        if right_aligned.get(index).copied().unwrap_or(false) {
            line.push_str(&padding);
            line.push_str(cell);
        } else {
            line.push_str(cell);
            // Trailing blanks on the last column only get in the way of copy and paste.
            if index < last {
                line.push_str(&padding);
            }
        }
    }
    writeln!(out, "{line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(table: Table<Vec<u8>>) -> String {
        String::from_utf8(table.out).expect("utf-8")
    }

    #[test]
    fn columns_align_by_characters_not_bytes() {
        let mut table = Table::new(Vec::new(), &["PARTY", "ID"]);
        table
            .push(vec!["HĐND TP Hà Nội".into(), "a1".into()])
            .expect("push");
        table
            .push(vec!["Fukuoka".into(), "a2".into()])
            .expect("push");
        table.flush().expect("flush");
        let text = render(table);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "PARTY           ID",
                "HĐND TP Hà Nội  a1",
                "Fukuoka         a2"
            ]
        );
    }

    #[test]
    fn numbers_can_align_right() {
        let mut table = Table::new(Vec::new(), &["KEY", "VISITS"]).align_right(1);
        table.push(vec!["JP".into(), "7".into()]).expect("push");
        table.push(vec!["KR".into(), "12".into()]).expect("push");
        table.flush().expect("flush");
        assert_eq!(render(table), "KEY  VISITS\nJP        7\nKR       12\n");
    }

    #[test]
    fn nothing_is_printed_for_no_rows() {
        let mut table = Table::new(Vec::new(), &["ID"]);
        table.flush().expect("flush");
        assert_eq!(render(table), "");
    }

    #[test]
    fn a_long_stream_prints_in_batches_with_one_header() {
        let mut table = Table::new(Vec::new(), &["N"]);
        for n in 0..MAX_BUFFERED_ROWS + 1 {
            table.push(vec![n.to_string()]).expect("push");
        }
        assert_eq!(
            String::from_utf8_lossy(&table.out).lines().count(),
            MAX_BUFFERED_ROWS + 1,
            "the first batch and its header are out before the stream ends"
        );
        table.flush().expect("flush");
        let text = render(table);
        assert_eq!(text.lines().filter(|l| l.trim() == "N").count(), 1);
        assert_eq!(text.lines().count(), MAX_BUFFERED_ROWS + 2);
    }
}
