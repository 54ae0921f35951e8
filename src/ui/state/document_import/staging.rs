//! Turning picked files into documents, one file at a time: each refused file keeps its own
//! message and never stops the others. Plain functions, tested natively.

use crate::core::own_documents::{self, UserDocument};
use crate::ui::state::files::PickedFile;

/// What an import has gathered so far. Nothing is applied until the import finishes, so a
/// cancelled import changes nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Staged {
    /// Documents accepted, in file order.
    pub(crate) accepted: Vec<UserDocument>,
    /// One sentence per refused file (names the file and why).
    pub(crate) refused: Vec<String>,
    /// The text came from the paste box, not from files.
    pub(crate) pasted: bool,
}

impl Staged {
    /// Imports one file against the documents already there plus those staged before it.
    pub(crate) fn add_file(&mut self, existing: &[UserDocument], file: &PickedFile) {
        let mut known: Vec<UserDocument> = existing.to_vec();
        known.extend(self.accepted.iter().cloned());
        match own_documents::documents_from_file(&file.name, &file.bytes, &known) {
            Ok(docs) => self.accepted.extend(docs),
            Err(error) => self.refused.push(error.to_string()),
        }
    }

    /// Adds a document typed or pasted into the page.
    pub(crate) fn add_paste(&mut self, existing: &[UserDocument], title: &str, text: &str) {
        self.pasted = true;
        match own_documents::document_from_paste(title, text, existing) {
            Ok(doc) => self.accepted.push(doc),
            Err(error) => self.refused.push(error.to_string()),
        }
    }

    /// A one-line summary for the status line.
    pub(crate) fn summary(&self) -> String {
        match (self.accepted.len(), self.refused.len()) {
            (0, 0) => "Nothing to add.".to_string(),
            (a, 0) => format!("Added {}.", documents(a)),
            (0, _) if self.pasted => "Nothing was added: the text was refused (see below).".into(),
            (0, r) => format!("Nothing was added: {} refused (see below).", files(r)),
            (a, r) => format!("Added {}; {} refused (see below).", documents(a), files(r)),
        }
    }
}

fn documents(n: usize) -> String {
    if n == 1 {
        "1 document".into()
    } else {
        format!("{n} documents")
    }
}

fn files(n: usize) -> String {
    if n == 1 {
        "1 file".into()
    } else {
        format!("{n} files")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &[u8]) -> PickedFile {
        PickedFile {
            name: name.into(),
            bytes: text.to_vec(),
        }
    }

    #[test]
    fn a_refused_paste_is_called_the_text_not_a_file() {
        let mut staged = Staged::default();
        staged.add_paste(&[], "Notes", "   ");
        assert_eq!(staged.refused.len(), 1);
        assert_eq!(
            staged.summary(),
            "Nothing was added: the text was refused (see below)."
        );
    }

    #[test]
    fn refused_files_keep_their_message_and_the_rest_are_kept() {
        let mut staged = Staged::default();
        staged.add_file(&[], &file("a.md", b"# Alpha\n\nThe alpha plan costs $5."));
        staged.add_file(&[], &file("empty.txt", b""));
        staged.add_file(&[], &file("bin.txt", &[0, 159, 146, 150, 0, 1, 2]));
        staged.add_file(&[], &file("b.txt", b"The beta plan costs $7."));
        assert_eq!(staged.accepted.len(), 2, "{staged:?}");
        assert_eq!(staged.refused.len(), 2, "{staged:?}");
        assert!(
            staged.refused[0].contains("empty.txt"),
            "{:?}",
            staged.refused
        );
        assert!(
            staged.refused[1].contains("bin.txt"),
            "{:?}",
            staged.refused
        );
        assert_eq!(
            staged.summary(),
            "Added 2 documents; 2 files refused (see below)."
        );
    }

    #[test]
    fn a_file_added_twice_in_one_import_is_refused_the_second_time() {
        let mut staged = Staged::default();
        let same = file("a.md", b"The alpha plan costs $5.");
        staged.add_file(&[], &same);
        staged.add_file(&[], &file("copy.md", b"The alpha plan costs $5."));
        assert_eq!(staged.accepted.len(), 1, "{staged:?}");
        assert_eq!(staged.refused.len(), 1, "{staged:?}");
    }

    #[test]
    fn an_oversized_file_names_the_limit() {
        let mut staged = Staged::default();
        let big = vec![b'a'; own_documents::MAX_FILE_BYTES + 1];
        staged.add_file(&[], &file("big.txt", &big));
        assert!(staged.accepted.is_empty());
        let message = &staged.refused[0];
        assert!(message.contains("big.txt"), "{message}");
        assert!(message.contains("1 MiB"), "the limit is named: {message}");
        assert_eq!(
            staged.summary(),
            "Nothing was added: 1 file refused (see below)."
        );
    }
}
