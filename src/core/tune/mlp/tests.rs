//! Tests of `mlp`.

use super::*;

fn unit(v: &[f32]) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.iter().map(|x| x / norm).collect()
}

/// Finite differences agree with the analytic gradient (checked on a few weights).
#[test]
fn gradient_matches_finite_differences() {
    for hidden in [0, 5] {
        let model = Mlp::new(4, hidden, 3, 9).unwrap();
        let x = unit(&[0.3, -0.5, 0.8, 0.1]);
        let mut grads = Gradients::zeros_like(&model);
        let mut ws = Workspace::default();
        model.accumulate_gradient(&x, 1, &mut ws, &mut grads);
        let loss_at = |m: &Mlp| -m.predict_proba(&x).unwrap()[1].ln();
        let eps = 1e-2;
        for index in [0, 3, 7] {
            let mut plus = model.clone();
            plus.w2[index] += eps;
            let mut minus = model.clone();
            minus.w2[index] -= eps;
            let numeric = (loss_at(&plus) - loss_at(&minus)) / (2.0 * eps);
            assert!(
                (numeric - grads.w2[index]).abs() < 2e-2,
                "w2[{index}] {numeric} vs {}",
                grads.w2[index]
            );
        }
        if hidden > 0 {
            for index in [0, 6, 13] {
                let mut plus = model.clone();
                plus.w1[index] += eps;
                let mut minus = model.clone();
                minus.w1[index] -= eps;
                let numeric = (loss_at(&plus) - loss_at(&minus)) / (2.0 * eps);
                assert!(
                    (numeric - grads.w1[index]).abs() < 2e-2,
                    "w1[{index}] {numeric} vs {}",
                    grads.w1[index]
                );
            }
        }
    }
}

#[test]
fn growing_keeps_old_weights_and_predictions_ordering() {
    let mut model = Mlp::new(4, 3, 2, 1).unwrap();
    let x = unit(&[1.0, 0.2, -0.3, 0.4]);
    let before = model.predict_proba(&x).unwrap();
    let old_w2 = model.w2.clone();
    model.grow_classes(4).unwrap();
    let after = model.predict_proba(&x).unwrap();
    assert_eq!(after.len(), 4);
    // Old logits are unchanged, so the ratio between old classes is preserved.
    assert!((before[0] / before[1] - after[0] / after[1]).abs() < 1e-4);
    for row in 0..3 {
        assert_eq!(
            &model.w2[row * 4..row * 4 + 2],
            &old_w2[row * 2..row * 2 + 2]
        );
    }
    assert_eq!(
        model.grow_classes(1),
        Err(TuneError::CannotShrinkClasses {
            current: 4,
            requested: 1
        })
    );
}

#[test]
fn bad_input_is_an_error() {
    let model = Mlp::new(4, 0, 2, 1).unwrap();
    assert_eq!(
        model.predict_proba(&[1.0]),
        Err(TuneError::DimensionMismatch {
            expected: 4,
            found: 1
        })
    );
    assert_eq!(
        model.predict_proba(&[f32::NAN, 0.0, 0.0, 0.0]),
        Err(TuneError::NonFiniteInput)
    );
    assert!(Mlp::new(0, 3, 2, 1).is_err());
}

#[test]
fn fingerprint_tracks_weights_and_seed() {
    let a = Mlp::new(8, 4, 3, 1).unwrap();
    let b = Mlp::new(8, 4, 3, 1).unwrap();
    let c = Mlp::new(8, 4, 3, 2).unwrap();
    assert_eq!(a.fingerprint(), b.fingerprint());
    assert_ne!(a.fingerprint(), c.fingerprint());
}
