//! AdamW (Adam with decoupled weight decay) over an [`Mlp`]'s parameters.
//!
//! Adam converges in few epochs on small, unevenly sized data, which keeps the in-browser
//! retrain short. Bias corrections use running products instead of `powi` so every target
//! computes the same bits.

use super::mlp::{Gradients, Mlp};

const BETA1: f32 = 0.9;
const BETA2: f32 = 0.999;
const EPSILON: f32 = 1e-8;

/// Moment estimates for every parameter, shaped like the model.
#[derive(Clone, Debug)]
pub(super) struct AdamW {
    first: Gradients,
    second: Gradients,
    beta1_power: f32,
    beta2_power: f32,
}

impl AdamW {
    pub(super) fn new(model: &Mlp) -> Self {
        Self {
            first: Gradients::zeros_like(model),
            second: Gradients::zeros_like(model),
            beta1_power: 1.0,
            beta2_power: 1.0,
        }
    }

    /// One update with gradients summed over `batch_len` examples. Weight decay shrinks weight
    /// matrices only (not biases), as is usual.
    pub(super) fn update(
        &mut self,
        model: &mut Mlp,
        grads: &Gradients,
        batch_len: usize,
        learning_rate: f32,
        weight_decay: f32,
    ) {
        self.beta1_power *= BETA1;
        self.beta2_power *= BETA2;
        let step = Step {
            grad_scale: 1.0 / batch_len as f32,
            learning_rate,
            correction1: 1.0 / (1.0 - self.beta1_power),
            correction2: 1.0 / (1.0 - self.beta2_power),
        };
        step.apply(
            &mut model.w1,
            &grads.w1,
            &mut self.first.w1,
            &mut self.second.w1,
            weight_decay,
        );
        step.apply(
            &mut model.b1,
            &grads.b1,
            &mut self.first.b1,
            &mut self.second.b1,
            0.0,
        );
        step.apply(
            &mut model.w2,
            &grads.w2,
            &mut self.first.w2,
            &mut self.second.w2,
            weight_decay,
        );
        step.apply(
            &mut model.b2,
            &grads.b2,
            &mut self.first.b2,
            &mut self.second.b2,
            0.0,
        );
    }
}

/// The per-update constants shared by every parameter tensor.
struct Step {
    grad_scale: f32,
    learning_rate: f32,
    correction1: f32,
    correction2: f32,
}

impl Step {
    fn apply(
        &self,
        params: &mut [f32],
        grads: &[f32],
        first: &mut [f32],
        second: &mut [f32],
        decay: f32,
    ) {
        for (((p, &g), m), v) in params
            .iter_mut()
            .zip(grads)
            .zip(first.iter_mut())
            .zip(second.iter_mut())
        {
            let g = g * self.grad_scale;
            *m = BETA1 * *m + (1.0 - BETA1) * g;
            *v = BETA2 * *v + (1.0 - BETA2) * g * g;
            let m_hat = *m * self.correction1;
            let v_hat = *v * self.correction2;
            *p -= self.learning_rate * (m_hat / (v_hat.sqrt() + EPSILON) + decay * *p);
        }
    }
}
