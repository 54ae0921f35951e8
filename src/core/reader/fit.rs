//! Deterministic fitting of the reader's two linear models: full-batch gradient descent from
//! zero weights in a fixed order, so the same data always gives the same weights (no seed is
//! needed: nothing is sampled).

/// Gradient-descent settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitSettings {
    /// Steps over the whole data.
    pub steps: usize,
    /// Step size.
    pub learning_rate: f64,
    /// L2 penalty on the weights (not on a bias).
    pub l2: f64,
}

impl Default for FitSettings {
    fn default() -> Self {
        Self {
            steps: 2000,
            learning_rate: 0.5,
            l2: 1e-3,
        }
    }
}

/// One question's candidate sentences for the selector: features and whether each sentence
/// states the right answer. Groups without a right sentence teach the selector nothing and
/// are skipped.
pub type Group<const N: usize> = Vec<([f32; N], bool)>;

/// Fits the selector: a listwise softmax over each question's sentences that puts the
/// probability on the right ones (`-log` of the right sentences' share, averaged).
pub fn fit_selector<const N: usize>(groups: &[Group<N>], settings: FitSettings) -> [f32; N] {
    let groups: Vec<&Group<N>> = groups
        .iter()
        .filter(|g| g.iter().any(|(_, y)| *y))
        .collect();
    let mut w = [0.0f64; N];
    if groups.is_empty() {
        return [0.0; N];
    }
    for _ in 0..settings.steps {
        let mut grad = [0.0f64; N];
        for group in &groups {
            let scores: Vec<f64> = group
                .iter()
                .map(|(x, _)| x.iter().zip(&w).map(|(a, b)| f64::from(*a) * b).sum())
                .collect();
            let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let all: f64 = exp.iter().sum();
            let right: f64 = exp
                .iter()
                .zip(*group)
                .filter(|(_, r)| r.1)
                .map(|(e, _)| e)
                .sum();
            for (e, (x, y)) in exp.iter().zip(*group) {
                let p = e / all;
                let q = if *y { e / right } else { 0.0 };
                for (gk, xk) in grad.iter_mut().zip(x) {
                    *gk += (p - q) * f64::from(*xk);
                }
            }
        }
        let n = groups.len() as f64;
        for (wk, gk) in w.iter_mut().zip(&grad) {
            *wk -= settings.learning_rate * (gk / n + settings.l2 * *wk);
        }
    }
    w.map(|x| x as f32)
}

/// One example for the answer check: features (a constant 1 first, the bias), whether the
/// reader should answer (true) or decline (false), and the example's weight.
pub type Example<const N: usize> = ([f32; N], bool, f64);

/// Fits a weighted logistic regression; feature 0 is the bias and is not penalised.
pub fn fit_logistic<const N: usize>(examples: &[Example<N>], settings: FitSettings) -> [f32; N] {
    let total: f64 = examples.iter().map(|e| e.2).sum();
    let mut w = [0.0f64; N];
    if total <= 0.0 {
        return [0.0; N];
    }
    for _ in 0..settings.steps {
        let mut grad = [0.0f64; N];
        for (x, y, weight) in examples {
            let z: f64 = x.iter().zip(&w).map(|(a, b)| f64::from(*a) * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = (p - f64::from(u8::from(*y))) * weight;
            for (gk, xk) in grad.iter_mut().zip(x) {
                *gk += err * f64::from(*xk);
            }
        }
        for (k, (wk, gk)) in w.iter_mut().zip(&grad).enumerate() {
            let penalty = if k == 0 { 0.0 } else { settings.l2 * *wk };
            *wk -= settings.learning_rate * (gk / total + penalty);
        }
    }
    w.map(|x| x as f32)
}

/// Chooses the abstention threshold on a grid of 0.00..=1.00 in steps of 0.01: the one that
/// maximises the mean of accuracy on `answerable` (score, right) pairs (answered and right)
/// and abstention on `unanswerable` scores (declined: under the threshold; `None` means the
/// reader declines whatever the threshold, e.g. the name gate). Of a plateau of equal
/// thresholds it takes the middle one.
pub fn choose_threshold(answerable: &[(f32, bool)], unanswerable: &[Option<f32>]) -> f32 {
    let objective = |t: f32| {
        let right = answerable.iter().filter(|(s, r)| *r && *s >= t).count();
        let declined = unanswerable
            .iter()
            .filter(|s| s.is_none_or(|s| s < t))
            .count();
        let share = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        0.5 * share(right, answerable.len()) + 0.5 * share(declined, unanswerable.len())
    };
    let grid: Vec<f32> = (0..=100).map(|i| i as f32 / 100.0).collect();
    let values: Vec<f64> = grid.iter().map(|&t| objective(t)).collect();
    let best = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ties: Vec<f32> = grid
        .iter()
        .zip(&values)
        .filter(|(_, v)| **v >= best - 1e-12)
        .map(|(t, _)| *t)
        .collect();
    ties[ties.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selector_learns_which_feature_marks_the_right_sentence() {
        // Feature 0 marks the right sentence, feature 1 is noise that favours a wrong one.
        let groups: Vec<Group<2>> = (0..20)
            .map(|i| {
                let noise = (i % 3) as f32 * 0.3;
                vec![([1.0, 0.0], true), ([0.0, 0.5 + noise], false)]
            })
            .collect();
        let w = fit_selector(&groups, FitSettings::default());
        assert!(w[0] > 0.5 && w[1] < 0.0, "{w:?}");
        assert_eq!(
            w,
            fit_selector(&groups, FitSettings::default()),
            "deterministic"
        );
        assert_eq!(fit_selector::<2>(&[], FitSettings::default()), [0.0; 2]);
    }

    #[test]
    fn the_logistic_check_separates_and_weights_count() {
        let examples: Vec<Example<2>> = (0..10)
            .map(|i| ([1.0, i as f32 / 10.0], i >= 5, 1.0))
            .collect();
        let w = fit_logistic(&examples, FitSettings::default());
        assert!(w[1] > 0.0, "{w:?}");
        let heavier: Vec<Example<2>> = examples
            .iter()
            .map(|&(x, y, _)| (x, y, if y { 1.0 } else { 5.0 }))
            .collect();
        let h = fit_logistic(&heavier, FitSettings::default());
        assert!(
            h[0] + h[1] * 0.5 < w[0] + w[1] * 0.5,
            "weighted negatives lower p"
        );
    }

    #[test]
    fn the_threshold_balances_answers_and_abstentions() {
        let answerable = [(0.9, true), (0.8, true), (0.6, false), (0.3, true)];
        let unanswerable = [Some(0.5), Some(0.4), None];
        let t = choose_threshold(&answerable, &unanswerable);
        assert!(t > 0.5 && t <= 0.8, "{t}");
        assert!(choose_threshold(&[], &[]) <= 1.0);
    }
}
