namespace SiteGen.Emitting.Search;

/// <summary>
/// lunr 2.3.9's variant of the Porter stemmer (SEARCH.md §1.5), written as plain span code instead of regexes.
/// Every "suffix" rule needs a non-empty stem free of JS line terminators, because lunr's <c>^(.+?)</c> cannot cross them.
/// </summary>
internal static class LunrStemmer
{
    // Longest first, so the first suffix that leaves a non-empty stem is the one lunr's lazy regex picks.
    private static readonly (string Suffix, string Replacement)[] Step2 = Order(
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ]);

    private static readonly (string Suffix, string Replacement)[] Step3 = Order(
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]);

    private static readonly (string Suffix, string Replacement)[] Step4 = Order(
    [
        ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""), ("ant", ""),
        ("ement", ""), ("ment", ""), ("ent", ""), ("ou", ""), ("ism", ""), ("ate", ""), ("iti", ""), ("ous", ""),
        ("ive", ""), ("ize", ""),
    ]);

    /// <summary>Stems one (already trimmed, lowercased) term exactly like <c>lunr.stemmer</c>.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 3)
        {
            return word;
        }

        Span<char> w = word.Length <= 128 ? stackalloc char[word.Length + 1] : new char[word.Length + 1];
        word.AsSpan().CopyTo(w);
        int n = word.Length;
        bool initialY = w[0] == 'y';
        if (initialY)
        {
            w[0] = 'Y';
        }

        // Step 1a
        if (EndsWith(w, n, "sses") && StemOk(w, n - 4))
        {
            n -= 2;
        }
        else if (EndsWith(w, n, "ies") && StemOk(w, n - 3))
        {
            n -= 2;
        }
        else if (w[n - 1] == 's' && w[n - 2] != 's' && StemOk(w, n - 2))
        {
            n -= 1;
        }

        // Step 1b
        if (n >= 3 && EndsWith(w, n, "eed") && StemOk(w, n - 3))
        {
            if (Measure(w[..(n - 3)]) > 0)
            {
                n -= 1;
            }
        }
        else
        {
            int stem = -1;
            if (EndsWith(w, n, "ing"))
            {
                stem = n - 3;
            }
            else if (EndsWith(w, n, "ed"))
            {
                stem = n - 2;
            }

            if (stem >= 0 && StemOk(w, stem) && HasVowel(w[..stem]))
            {
                n = stem;
                if (EndsWith(w, n, "at") || EndsWith(w, n, "bl") || EndsWith(w, n, "iz"))
                {
                    w[n++] = 'e';
                }
                else if (n >= 2 && w[n - 1] == w[n - 2] && !IsIn(w[n - 1], "aeiouylsz"))
                {
                    n -= 1;
                }
                else if (IsCvc(w[..n]))
                {
                    w[n++] = 'e';
                }
            }
        }

        // Step 1c: a y after a non-vowel that is not the first character becomes i.
        if (n >= 3 && w[n - 1] == 'y' && !IsIn(w[n - 2], "aeiou") && StemOk(w, n - 2))
        {
            w[n - 1] = 'i';
        }

        // Steps 2 and 3
        n = ReplaceSuffix(w, n, Step2, minMeasure: 1);
        n = ReplaceSuffix(w, n, Step3, minMeasure: 1);

        // Step 4
        int step4 = LongestSuffix(w, n, Step4);
        if (step4 >= 0)
        {
            int stem = n - Step4[step4].Suffix.Length;
            if (Measure(w[..stem]) > 1)
            {
                n = stem;
            }
        }
        else if (n >= 5 && EndsWith(w, n, "ion") && (w[n - 4] == 's' || w[n - 4] == 't') && StemOk(w, n - 4))
        {
            if (Measure(w[..(n - 3)]) > 1)
            {
                n -= 3;
            }
        }

        // Step 5a
        if (w[n - 1] == 'e' && StemOk(w, n - 1))
        {
            var stem = w[..(n - 1)];
            int m = Measure(stem);
            if (m > 1 || (m == 1 && !IsCvc(stem)))
            {
                n -= 1;
            }
        }

        // Step 5b
        if (n >= 2 && w[n - 1] == 'l' && w[n - 2] == 'l' && Measure(w[..n]) > 1)
        {
            n -= 1;
        }

        if (initialY)
        {
            w[0] = 'y';
        }

        var result = w[..n];
        return result.SequenceEqual(word) ? word : new string(result);
    }

    private static (string Suffix, string Replacement)[] Order((string Suffix, string Replacement)[] list) =>
        [.. list.OrderByDescending(p => p.Suffix.Length)];

    private static int ReplaceSuffix(Span<char> w, int n, (string Suffix, string Replacement)[] list, int minMeasure)
    {
        int i = LongestSuffix(w, n, list);
        if (i < 0)
        {
            return n;
        }

        int stem = n - list[i].Suffix.Length;
        if (Measure(w[..stem]) < minMeasure)
        {
            return n;
        }

        list[i].Replacement.AsSpan().CopyTo(w[stem..]);
        return stem + list[i].Replacement.Length;
    }

    /// <summary>The index of the longest listed suffix that leaves a valid stem, or -1 (lunr's regex then fails).</summary>
    private static int LongestSuffix(ReadOnlySpan<char> w, int n, (string Suffix, string Replacement)[] list)
    {
        for (int i = 0; i < list.Length; i++)
        {
            string suffix = list[i].Suffix;
            if (n - suffix.Length >= 1 && EndsWith(w, n, suffix))
            {
                // A longer suffix whose stem crosses a line terminator means no shorter one can match either.
                return StemOk(w, n - suffix.Length) ? i : -1;
            }
        }

        return -1;
    }

    private static bool EndsWith(ReadOnlySpan<char> w, int n, string suffix) =>
        n >= suffix.Length && w[(n - suffix.Length)..n].SequenceEqual(suffix);

    /// <summary>What lunr's <c>^(.+?)</c> accepts: at least one character and no JS line terminator.</summary>
    private static bool StemOk(ReadOnlySpan<char> w, int stemLength) =>
        stemLength >= 1 && w[..stemLength].IndexOfAny('\n', '\r', '\u2028') < 0 && w[..stemLength].IndexOf('\u2029') < 0;

    private static bool IsIn(char c, string set) => set.Contains(c);

    private static bool IsVowelClass(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Porter's m: the number of vowel-run/consonant-run pairs; y is a vowel only after a consonant.</summary>
    private static int Measure(ReadOnlySpan<char> s)
    {
        int m = 0;
        bool prevConsonant = false;
        bool inVowels = false;
        foreach (char c in s)
        {
            bool consonant = !IsVowelClass(c) && !(c == 'y' && prevConsonant);
            if (consonant)
            {
                if (inVowels)
                {
                    m++;
                    inVowels = false;
                }
            }
            else
            {
                inVowels = true;
            }

            prevConsonant = consonant;
        }

        return m;
    }

    private static bool HasVowel(ReadOnlySpan<char> s)
    {
        bool prevConsonant = false;
        foreach (char c in s)
        {
            bool consonant = !IsVowelClass(c) && !(c == 'y' && prevConsonant);
            if (!consonant)
            {
                return true;
            }

            prevConsonant = consonant;
        }

        return false;
    }

    /// <summary>lunr's whole-word cvc test: <c>^[^aeiou][^aeiouy]*[aeiouy][^aeiouwxy]$</c>.</summary>
    private static bool IsCvc(ReadOnlySpan<char> s)
    {
        int n = s.Length;
        if (n < 3 || IsVowelClass(s[0]) || !IsIn(s[n - 2], "aeiouy") || IsIn(s[n - 1], "aeiouwxy"))
        {
            return false;
        }

        for (int i = 1; i < n - 2; i++)
        {
            if (IsIn(s[i], "aeiouy"))
            {
                return false;
            }
        }

        return true;
    }
}
