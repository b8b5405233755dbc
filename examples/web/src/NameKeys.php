<?php
declare(strict_types=1);

namespace Ent;

use Sesame\Identity;

/**
 * The keys under which a family name is indexed for the FranceConnect path (identity.md, "Family
 * names", and its second index): 'c:' + the compact of each alternative (the whole name, and the
 * parts around an `EP.`/`NÉE` marker), 's:' + the sorted tokens of an alternative of two tokens or
 * more. Keys come from the library's name key: the database only narrows the candidates, the
 * decision stays Identity::matchCandidates().
 */
final class NameKeys
{
    private const MARKERS = ['epouse', 'epse', 'ep', 'nee', 'veuve', 'vve'];

    /**
     * @param iterable<?string> $names
     * @return list<string>
     */
    public static function of(iterable $names): array
    {
        $keys = [];
        foreach ($names as $name) {
            if ($name === null || $name === '') {
                continue;
            }
            $key = Identity::nameKey($name);
            if (!$key->valid) {
                continue; // an invalid key matches nothing
            }
            $tokens = preg_split('/[ |]/', (string) $key->key, -1, PREG_SPLIT_NO_EMPTY);
            $alternatives = [$tokens];
            foreach ($tokens as $i => $token) {
                if ($i > 0 && $i < count($tokens) - 1 && in_array($token, self::MARKERS, true)) {
                    $alternatives[] = array_slice($tokens, 0, $i);
                    $alternatives[] = array_slice($tokens, $i + 1);
                    break;
                }
            }
            foreach ($alternatives as $alt) {
                $keys[] = 'c:' . implode('', $alt);
                if (count($alt) >= 2) {
                    sort($alt);
                    $keys[] = 's:' . implode(' ', $alt);
                }
            }
        }
        return array_values(array_unique($keys));
    }
}
