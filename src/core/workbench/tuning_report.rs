//! Measuring a tuned model the way the training panel and `ragtune train` show it: the answer
//! sentences it was taught, as of a version (with the learner's edits), checked by
//! [`knowledge_report`].

use super::{TrainScope, TuneSettings, TunedModel, Workbench};
use crate::core::tune::{knowledge_report, FactExamples, KnowledgeReport, ReportSpec, TuneError};

impl Workbench {
    /// Per fact (corpus order), its answer sentence at every version (corpus order), with the
    /// learner's edits applied; `None` where the fact is absent or its value cannot be found.
    /// These sentences are the knowledge head's labels.
    pub fn fact_statements(&self) -> Vec<Vec<Option<String>>> {
        let corpus = self.corpus();
        corpus
            .facts
            .iter()
            .map(|fact| {
                corpus
                    .versions
                    .iter()
                    .map(|v| {
                        let value = self.fact_state_at(fact, &v.id)?;
                        Some(fact.statement.replace("{value}", value.value()?))
                    })
                    .collect()
            })
            .collect()
    }

    /// The tuning facts with answer sentences (not bare values) as their per-version answers,
    /// so a knowledge head's recall can be compared with them.
    pub fn statement_facts(&self) -> Vec<FactExamples> {
        self.tuning_data()
            .facts
            .iter()
            .zip(self.fact_statements())
            .map(|(fact, values)| FactExamples {
                values,
                ..fact.clone()
            })
            .collect()
    }

    /// `model`'s knowledge measured against the answers of version `gold` (ids like "v2"),
    /// with facts that changed since version `since` reported apart from those that did not,
    /// counting the first `phrasings` training phrasings of each fact as trained.
    pub fn knowledge_report(
        &self,
        model: &TunedModel,
        gold: &str,
        since: &str,
        phrasings: usize,
    ) -> Result<KnowledgeReport, TuneError> {
        let number = |id: &str| {
            self.tuning_data()
                .version_number(id)
                .ok_or(TuneError::InvalidConfig("unknown version"))
        };
        let spec = ReportSpec {
            gold_version: number(gold)?,
            since_version: number(since)?,
            phrasings_per_fact: phrasings,
        };
        knowledge_report(
            &model.knowledge,
            &self.statement_facts(),
            &self.tuning_data().unanswerable,
            &spec,
        )
    }

    /// The version a run trained with `settings` counts "old" facts from: the version the model
    /// it continued from was trained on (`previous`), or the training snapshot for a fresh run.
    pub fn report_since(&self, settings: &TuneSettings, previous: Option<&str>) -> String {
        match (settings.scope, previous) {
            (TrainScope::ChangesOnly | TrainScope::Replay(_), Some(previous)) => {
                previous.to_string()
            }
            _ => self.corpus().snapshot.clone(),
        }
    }
}
