//! The question as the static embedding model sees it: WordPiece tokens, each with the weight
//! its vector gets in the average. Word order plays no part.

use leptos::prelude::*;

use crate::core::embed::TokenWeight;

/// Each token's weight as a share of the largest one (for the chip's bar), in `[0, 1]`.
pub(crate) fn relative_weights(tokens: &[TokenWeight]) -> Vec<f32> {
    let max = tokens
        .iter()
        .map(|t| t.weight)
        .filter(|w| w.is_finite())
        .fold(0.0f32, f32::max);
    tokens
        .iter()
        .map(|t| {
            if max > 0.0 && t.weight.is_finite() {
                (t.weight / max).clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect()
}

/// The token chips with a sentence on what they mean. `limit` is the model's token cap.
#[component]
pub(crate) fn TokenChips(tokens: Vec<TokenWeight>, limit: usize) -> impl IntoView {
    if tokens.is_empty() {
        return view! { <p class="inspector__note">"No tokens yet: type a question."</p> }
            .into_any();
    }
    let capped = tokens.len() >= limit;
    let count = tokens.len();
    let shares = relative_weights(&tokens);
    let chips = tokens
        .into_iter()
        .zip(shares)
        .map(|(t, share)| {
            view! {
                <li class="token" title=format!("weight {:.3}", t.weight)>
                    <span class="token__text">{t.token}</span>
                    <span class="token__weight">{format!("{:.2}", t.weight)}</span>
                    <span class="token__bar" aria-hidden="true">
                        <span class="token__bar-fill" style:width=format!("{:.0}%", share * 100.0)></span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="inspector__note">
            "The model looks up one vector per token and averages them, weighting rare tokens more \
             than common ones (the numbers). Word order is ignored: \"dogs bite men\" and \"men bite \
             dogs\" get the same vector. Pieces starting with ## continue the word before them."
        </p>
        <ul class="tokens" aria-label="Tokens with their weights">{chips}</ul>
        <p class="inspector__note">
            {if capped {
                format!("Only the first {limit} tokens count; the rest of the question is ignored.")
            } else {
                format!("{count} tokens.")
            }}
        </p>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(weight: f32) -> TokenWeight {
        TokenWeight {
            token: "x".into(),
            id: 0,
            weight,
        }
    }

    #[test]
    fn weights_are_relative_to_the_largest() {
        let shares = relative_weights(&[token(0.5), token(2.0), token(1.0)]);
        assert_eq!(shares, vec![0.25, 1.0, 0.5]);
    }

    #[test]
    fn degenerate_weights_give_empty_bars() {
        assert!(relative_weights(&[]).is_empty());
        assert_eq!(relative_weights(&[token(0.0), token(0.0)]), vec![0.0, 0.0]);
        assert_eq!(
            relative_weights(&[token(f32::NAN), token(1.0)]),
            vec![0.0, 1.0]
        );
    }
}
