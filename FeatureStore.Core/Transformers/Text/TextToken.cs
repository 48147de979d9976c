namespace FeatureStore.Core.Transformers.Text;

/// <summary>A word or an emoji of a message, as the text transformers see it.</summary>
/// <param name="Raw">The word in lower case, accents kept (the question rule tells "qué" from "que").</param>
/// <param name="Folded">The word in lower case without accents: what lexicons and hashes match on.</param>
/// <param name="IsEmoji">True for a pictograph (one symbol code point), false for a word.</param>
/// <param name="AfterBreak">True when clause or sentence punctuation stands between this token and the previous one.</param>
internal readonly record struct TextToken(string Raw, string Folded, bool IsEmoji, bool AfterBreak);
