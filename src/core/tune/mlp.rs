//! A small multi-layer perceptron classifier: frozen embedding -> (ReLU hidden layer) -> softmax.
//!
//! Plain f32 loops in a fixed order, so results are bit-identical on every target. The hidden
//! width is the capacity knob; width 0 makes it multinomial logistic regression.

use super::error::TuneError;
use super::math;
use crate::core::rng::SplitMix64;

/// RNG stream used for weight initialisation (the trainer uses another for shuffling).
const INIT_STREAM: u64 = 1;

/// The network's weights. Layouts are input-major (`w[i * width + j]`) so the forward pass
/// is a sequence of axpy updates that compilers may vectorise without reordering any sum.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    input_dim: usize,
    hidden: usize,
    classes: usize,
    /// Inputs are unit vectors; scaling by sqrt(dims) gives components of unit variance, so the
    /// standard initialisations and learning rates apply.
    input_scale: f32,
    pub(super) w1: Vec<f32>,
    pub(super) b1: Vec<f32>,
    pub(super) w2: Vec<f32>,
    pub(super) b2: Vec<f32>,
}

/// Gradients with the same shapes as an [`Mlp`]'s parameters.
#[derive(Clone, Debug)]
pub(super) struct Gradients {
    pub(super) w1: Vec<f32>,
    pub(super) b1: Vec<f32>,
    pub(super) w2: Vec<f32>,
    pub(super) b2: Vec<f32>,
}

impl Gradients {
    pub(super) fn zeros_like(model: &Mlp) -> Self {
        Self {
            w1: vec![0.0; model.w1.len()],
            b1: vec![0.0; model.b1.len()],
            w2: vec![0.0; model.w2.len()],
            b2: vec![0.0; model.b2.len()],
        }
    }

    pub(super) fn clear(&mut self) {
        for buffer in [&mut self.w1, &mut self.b1, &mut self.w2, &mut self.b2] {
            buffer.iter_mut().for_each(|g| *g = 0.0);
        }
    }
}

/// Scratch buffers for one forward/backward pass, reused to avoid allocation per example.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    scaled_input: Vec<f32>,
    hidden: Vec<f32>,
    logits: Vec<f32>,
    probabilities: Vec<f32>,
    hidden_grad: Vec<f32>,
}

impl Mlp {
    /// A freshly initialised network (He-uniform hidden layer, Xavier-uniform output layer,
    /// zero biases), fixed by `seed`. `hidden == 0` means no hidden layer.
    pub fn new(
        input_dim: usize,
        hidden: usize,
        classes: usize,
        seed: u64,
    ) -> Result<Self, TuneError> {
        if input_dim == 0 {
            return Err(TuneError::InvalidConfig("input dimension must be positive"));
        }
        if classes == 0 {
            return Err(TuneError::EmptyDataset);
        }
        let mut rng = SplitMix64::derive(seed, INIT_STREAM);
        let (w1, b1) = if hidden > 0 {
            let half_width = (6.0 / input_dim as f32).sqrt();
            let w: Vec<f32> = (0..input_dim * hidden)
                .map(|_| rng.uniform_symmetric(half_width))
                .collect();
            (w, vec![0.0; hidden])
        } else {
            (Vec::new(), Vec::new())
        };
        let fan_in = if hidden > 0 { hidden } else { input_dim };
        let half_width = (6.0 / (fan_in + classes) as f32).sqrt();
        let w2 = (0..fan_in * classes)
            .map(|_| rng.uniform_symmetric(half_width))
            .collect();
        Ok(Self {
            input_dim,
            hidden,
            classes,
            input_scale: (input_dim as f32).sqrt(),
            w1,
            b1,
            w2,
            b2: vec![0.0; classes],
        })
    }

    /// Width of the input vectors.
    pub fn input_dim(&self) -> usize {
        self.input_dim
    }

    /// Width of the hidden layer (0 = none).
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// Number of output classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Widens the output layer to `classes`, keeping every learned weight; new classes start
    /// with zero weights and bias, so they begin at the same logit for every input.
    pub fn grow_classes(&mut self, classes: usize) -> Result<(), TuneError> {
        if classes < self.classes {
            return Err(TuneError::CannotShrinkClasses {
                current: self.classes,
                requested: classes,
            });
        }
        if classes == self.classes {
            return Ok(());
        }
        let fan_in = self.output_fan_in();
        let mut w2 = vec![0.0; fan_in * classes];
        for row in 0..fan_in {
            let old = &self.w2[row * self.classes..(row + 1) * self.classes];
            w2[row * classes..row * classes + self.classes].copy_from_slice(old);
        }
        self.w2 = w2;
        self.b2.resize(classes, 0.0);
        self.classes = classes;
        Ok(())
    }

    /// Class probabilities for one input vector.
    pub fn predict_proba(&self, input: &[f32]) -> Result<Vec<f32>, TuneError> {
        self.check_input(input)?;
        let mut workspace = Workspace::default();
        self.forward(input, &mut workspace);
        Ok(workspace.probabilities)
    }

    /// A 64-bit FNV-1a hash of every parameter's bits: equal fingerprints mean bit-identical
    /// models, which is how native and browser runs can be compared.
    pub fn fingerprint(&self) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let shape = [self.input_dim, self.hidden, self.classes].map(|v| v as u32);
        let params = [&self.w1, &self.b1, &self.w2, &self.b2];
        for word in shape
            .into_iter()
            .chain(params.into_iter().flatten().map(|v| v.to_bits()))
        {
            for byte in word.to_le_bytes() {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        hash
    }

    pub(super) fn check_input(&self, input: &[f32]) -> Result<(), TuneError> {
        if input.len() != self.input_dim {
            return Err(TuneError::DimensionMismatch {
                expected: self.input_dim,
                found: input.len(),
            });
        }
        if input.iter().any(|v| !v.is_finite()) {
            return Err(TuneError::NonFiniteInput);
        }
        Ok(())
    }

    fn output_fan_in(&self) -> usize {
        if self.hidden > 0 {
            self.hidden
        } else {
            self.input_dim
        }
    }

    /// Forward pass into `ws` (probabilities end up in `ws.probabilities`). Input is trusted.
    fn forward(&self, input: &[f32], ws: &mut Workspace) {
        ws.scaled_input.clear();
        ws.scaled_input
            .extend(input.iter().map(|&v| v * self.input_scale));
        if self.hidden > 0 {
            ws.hidden.clear();
            ws.hidden.extend_from_slice(&self.b1);
            for (i, &x) in ws.scaled_input.iter().enumerate() {
                let row = &self.w1[i * self.hidden..(i + 1) * self.hidden];
                axpy(&mut ws.hidden, x, row);
            }
            ws.hidden.iter_mut().for_each(|h| *h = h.max(0.0));
        }
        let features = if self.hidden > 0 {
            &ws.hidden
        } else {
            &ws.scaled_input
        };
        ws.logits.clear();
        ws.logits.extend_from_slice(&self.b2);
        for (i, &a) in features.iter().enumerate() {
            if a == 0.0 {
                continue; // inactive ReLU unit: adds exactly nothing
            }
            let row = &self.w2[i * self.classes..(i + 1) * self.classes];
            axpy(&mut ws.logits, a, row);
        }
        ws.probabilities.resize(self.classes, 0.0);
        math::softmax_into(&ws.logits, &mut ws.probabilities);
    }

    /// Forward and backward for one example: adds its cross-entropy gradient to `grads` and
    /// returns its loss. Input and label are trusted (checked when the dataset was built).
    pub(super) fn accumulate_gradient(
        &self,
        input: &[f32],
        label: usize,
        ws: &mut Workspace,
        grads: &mut Gradients,
    ) -> f32 {
        self.forward(input, ws);
        let loss = -math::ln(ws.probabilities[label]);
        // d loss / d logits = p - onehot(label); reuse the probability buffer for it.
        ws.probabilities[label] -= 1.0;
        let logit_grad = &ws.probabilities;
        for (g, &d) in grads.b2.iter_mut().zip(logit_grad) {
            *g += d;
        }
        let features = if self.hidden > 0 {
            &ws.hidden
        } else {
            &ws.scaled_input
        };
        for (i, &a) in features.iter().enumerate() {
            if a == 0.0 {
                continue;
            }
            let row = &mut grads.w2[i * self.classes..(i + 1) * self.classes];
            axpy(row, a, logit_grad);
        }
        if self.hidden == 0 {
            return loss;
        }
        ws.hidden_grad.clear();
        for (j, &a) in ws.hidden.iter().enumerate() {
            if a <= 0.0 {
                ws.hidden_grad.push(0.0); // ReLU passes no gradient where it was inactive
                continue;
            }
            let row = &self.w2[j * self.classes..(j + 1) * self.classes];
            let mut sum = 0.0f32;
            for (&w, &d) in row.iter().zip(logit_grad) {
                sum += w * d;
            }
            ws.hidden_grad.push(sum);
        }
        for (g, &d) in grads.b1.iter_mut().zip(&ws.hidden_grad) {
            *g += d;
        }
        for (i, &x) in ws.scaled_input.iter().enumerate() {
            let row = &mut grads.w1[i * self.hidden..(i + 1) * self.hidden];
            axpy(row, x, &ws.hidden_grad);
        }
        loss
    }
}

/// y += a * x, element by element. Unrolled by four because wasm without SIMD runs the plain
/// loop mostly as loop overhead; each element is still one multiply and one add, so the
/// result is the same bits as the simple loop on every target.
fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    let mut y_chunks = y.chunks_exact_mut(4);
    let mut x_chunks = x.chunks_exact(4);
    for (yc, xc) in (&mut y_chunks).zip(&mut x_chunks) {
        yc[0] += a * xc[0];
        yc[1] += a * xc[1];
        yc[2] += a * xc[2];
        yc[3] += a * xc[3];
    }
    for (yv, &xv) in y_chunks
        .into_remainder()
        .iter_mut()
        .zip(x_chunks.remainder())
    {
        *yv += a * xv;
    }
}

#[cfg(test)]
mod tests;
