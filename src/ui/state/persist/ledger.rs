//! What this tab knows of the saved work, so that a save writes only a change made here, and
//! never over a change that another tab (or anything else) stored since this tab last looked.
//! Plain data, so each decision is tested natively.

/// The stored text and the work it stands for, as this tab last read or wrote them.
#[derive(Clone, Debug, Default)]
pub(crate) struct SaveLedger {
    /// The stored text as this tab last read or wrote it (`None`: nothing stored).
    stored: Option<String>,
    /// This tab's work, as scenario JSON, when the stored text and it last agreed: a capture
    /// equal to it has nothing new to save.
    work: Option<String>,
    /// Set while saving is held back: a stored copy could be neither restored nor set aside,
    /// and writing would destroy it.
    held: bool,
}

/// What a save should do with the work captured now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SaveDecision {
    /// Nothing changed here since the last save or restore: write nothing.
    Unchanged,
    /// A stored copy is protected from being overwritten until the learner decides.
    Held,
    /// The stored work changed since this tab last looked (another tab saved or cleared it):
    /// writing would silently destroy that change.
    ChangedElsewhere,
    /// Write it.
    Write,
}

impl SaveLedger {
    /// The decision for `work` (this tab's work as JSON) when storage holds `stored_now`.
    pub(crate) fn decide(&self, work: &str, stored_now: Option<&str>) -> SaveDecision {
        if self.held {
            SaveDecision::Held
        } else if self.work.as_deref() == Some(work) {
            SaveDecision::Unchanged
        } else if stored_now != self.stored.as_deref() {
            SaveDecision::ChangedElsewhere
        } else {
            SaveDecision::Write
        }
    }

    /// Storage holds `stored` and this tab's work is `work` (after a write, a restore or
    /// taking over another tab's save); releases a hold.
    pub(crate) fn agree(&mut self, stored: Option<String>, work: String) {
        self.stored = stored;
        self.work = Some(work);
        self.held = false;
    }

    /// Holds saving back: storage keeps a copy the learner has not decided about.
    pub(crate) fn hold(&mut self) {
        self.held = true;
    }

    /// True while saving is held back.
    pub(crate) fn is_held(&self) -> bool {
        self.held
    }

    /// True when `work` holds changes not yet written.
    pub(crate) fn has_unsaved(&self, work: &str) -> bool {
        self.work.as_deref() != Some(work)
    }

    /// True when `stored_now` is what this tab last read or wrote.
    pub(crate) fn knows(&self, stored_now: Option<&str>) -> bool {
        self.stored.as_deref() == stored_now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agreed(stored: Option<&str>, work: &str) -> SaveLedger {
        let mut ledger = SaveLedger::default();
        ledger.agree(stored.map(str::to_string), work.to_string());
        ledger
    }

    #[test]
    fn a_just_restored_state_is_not_written_back() {
        let ledger = agreed(Some("A"), "A");
        assert_eq!(ledger.decide("A", Some("A")), SaveDecision::Unchanged);
        // Even when storage changed meanwhile: nothing here to write over it.
        assert_eq!(ledger.decide("A", None), SaveDecision::Unchanged);
    }

    #[test]
    fn a_change_here_is_written_when_storage_is_as_this_tab_left_it() {
        let ledger = agreed(Some("A"), "A");
        assert_eq!(ledger.decide("B", Some("A")), SaveDecision::Write);
        let fresh = agreed(None, "shipped");
        assert_eq!(fresh.decide("B", None), SaveDecision::Write);
    }

    #[test]
    fn a_change_here_never_overwrites_a_save_made_elsewhere() {
        let ledger = agreed(Some("A"), "A");
        assert_eq!(
            ledger.decide("B", Some("C")),
            SaveDecision::ChangedElsewhere
        );
        assert_eq!(ledger.decide("B", None), SaveDecision::ChangedElsewhere);
    }

    #[test]
    fn a_held_copy_is_never_written_over_until_the_ledger_agrees_again() {
        let mut ledger = agreed(Some("bad"), "shipped");
        ledger.hold();
        assert_eq!(ledger.decide("B", Some("bad")), SaveDecision::Held);
        assert!(ledger.is_held());
        ledger.agree(Some("B".into()), "B".into());
        assert!(!ledger.is_held());
        assert!(!ledger.has_unsaved("B"));
        assert!(ledger.knows(Some("B")));
    }
}
