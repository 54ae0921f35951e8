//! Synthetic facts for tests and benchmarks: each fact is a cluster of noisy paraphrase vectors.
//!
//! Facts share topic directions (questions about prices look alike), phrasings share wording
//! directions (templates such as "how much is ..."), and held-out paraphrases use templates the
//! training phrasings never use, the way new wording differs from trained wording. Nothing here
//! decides the outcome of training; it only shapes the inputs.

use super::dataset::FactExamples;
use crate::core::rng::SplitMix64;

/// RNG stream for the synthetic world.
const WORLD_STREAM: u64 = 4;

/// The knobs of a synthetic world.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntheticSpec {
    /// Vector width.
    pub dims: usize,
    /// Groups of related facts.
    pub topics: usize,
    /// Facts in each topic.
    pub facts_per_topic: usize,
    /// Training phrasings per fact.
    pub train_phrasings: usize,
    /// Held-out paraphrases per fact.
    pub heldout_phrasings: usize,
    /// How much a fact's direction is its topic's rather than its own, in [0, 1).
    pub topic_weight: f32,
    /// Weight of the shared wording template in a phrasing.
    pub template_weight: f32,
    /// Weight of each phrasing's own noise.
    pub phrasing_noise: f32,
    /// Corpus versions (1 = only the training snapshot).
    pub versions: usize,
    /// Probability that a fact's answer changes from one version to the next.
    pub change_probability: f32,
    /// Near-miss questions: about a fact the company does not have, in a known topic.
    pub near_misses: usize,
    /// Fixes everything.
    pub seed: u64,
}

impl Default for SyntheticSpec {
    /// About the sample corpus's size: 48 facts x 6 phrasings, 128 dims, three versions.
    fn default() -> Self {
        Self {
            dims: 128,
            topics: 8,
            facts_per_topic: 6,
            train_phrasings: 6,
            heldout_phrasings: 4,
            topic_weight: 0.7,
            template_weight: 0.8,
            phrasing_noise: 0.8,
            versions: 3,
            change_probability: 0.25,
            near_misses: 24,
            seed: 7,
        }
    }
}

/// The generated facts and near-miss questions.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntheticWorld {
    /// Facts with answers per version and phrasing embeddings.
    pub facts: Vec<FactExamples>,
    /// Questions no fact answers, close to real ones (the head should abstain but cannot).
    pub near_misses: Vec<Vec<f32>>,
}

/// Generates the world `spec` describes (unit vectors throughout).
pub fn synthetic_world(spec: &SyntheticSpec) -> SyntheticWorld {
    let mut rng = SplitMix64::derive(spec.seed, WORLD_STREAM);
    let dims = spec.dims.max(1);
    let topics: Vec<Vec<f32>> = (0..spec.topics)
        .map(|_| random_unit(&mut rng, dims))
        .collect();
    // Train and held-out phrasings draw from disjoint template sets: new wording is new.
    let train_templates: Vec<Vec<f32>> = (0..spec.train_phrasings)
        .map(|_| random_unit(&mut rng, dims))
        .collect();
    let heldout_templates: Vec<Vec<f32>> = (0..spec.heldout_phrasings)
        .map(|_| random_unit(&mut rng, dims))
        .collect();
    let mut facts = Vec::new();
    for topic in &topics {
        for _ in 0..spec.facts_per_topic {
            let center = fact_center(&mut rng, topic, spec.topic_weight, dims);
            let key = format!("fact{:02}", facts.len());
            let values = fact_values(&mut rng, &key, spec);
            let train = train_templates
                .iter()
                .map(|t| phrasing(&mut rng, &center, t, spec))
                .collect();
            let heldout = heldout_templates
                .iter()
                .map(|t| phrasing(&mut rng, &center, t, spec))
                .collect();
            facts.push(FactExamples {
                key,
                values,
                train,
                heldout,
            });
        }
    }
    let mut near_misses = Vec::new();
    for _ in 0..spec.near_misses {
        if topics.is_empty() || train_templates.is_empty() {
            break;
        }
        let topic = &topics[rng.below(topics.len())];
        let center = fact_center(&mut rng, topic, spec.topic_weight, dims);
        let template = &train_templates[rng.below(train_templates.len())];
        near_misses.push(phrasing(&mut rng, &center, template, spec));
    }
    SyntheticWorld { facts, near_misses }
}

fn fact_values(rng: &mut SplitMix64, key: &str, spec: &SyntheticSpec) -> Vec<Option<String>> {
    let mut values = vec![Some(format!("{key}@v1"))];
    for version in 2..=spec.versions {
        let changes = rng.next_f32() < spec.change_probability;
        let previous = values.last().cloned().flatten();
        values.push(if changes {
            Some(format!("{key}@v{version}"))
        } else {
            previous
        });
    }
    values
}

fn fact_center(rng: &mut SplitMix64, topic: &[f32], topic_weight: f32, dims: usize) -> Vec<f32> {
    let own = random_unit(rng, dims);
    let mixed: Vec<f32> = topic
        .iter()
        .zip(&own)
        .map(|(t, o)| topic_weight * t + (1.0 - topic_weight) * o)
        .collect();
    normalised(mixed)
}

fn phrasing(
    rng: &mut SplitMix64,
    center: &[f32],
    template: &[f32],
    spec: &SyntheticSpec,
) -> Vec<f32> {
    let noise = random_unit(rng, center.len());
    let mixed: Vec<f32> = center
        .iter()
        .zip(template)
        .zip(&noise)
        .map(|((c, t), n)| c + spec.template_weight * t + spec.phrasing_noise * n)
        .collect();
    normalised(mixed)
}

fn random_unit(rng: &mut SplitMix64, dims: usize) -> Vec<f32> {
    normalised((0..dims).map(|_| rng.next_gaussian()).collect())
}

fn normalised(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}
