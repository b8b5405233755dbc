<?php /** @var list<array> $pupils @var array $old @var array $errors @var ?string $alert @var string $csrf */ ?>
<?php partial('messages', ['alert' => $alert, 'notice' => null, 'errors' => $errors]) ?>
<p>Voici les enfants dont l’établissement vous a enregistré comme représentant légal. Pour chacun d’eux,
  cochez la case et indiquez sa date de naissance. Laissez vides les lignes des enfants que vous ne voulez pas
  rattacher maintenant.</p>
<form method="post" action="/eleves" novalidate id="pupils">
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
<?php foreach ($pupils as $p): $id = $p['id']; $legalError = $errors["legal-$id"] ?? null; ?>
  <fieldset class="pupil" id="eleve-<?= h($id) ?>">
    <legend><?= h($p['prenom']) ?> <?= h($p['nom']) ?></legend>
    <div class="checkbox<?= $legalError !== null ? ' has-error' : '' ?>">
<?php if ($legalError !== null): ?>
      <p class="error" id="legal-<?= h($id) ?>-erreur"><?= h($legalError) ?></p>
<?php endif ?>
      <input type="checkbox" id="legal-<?= h($id) ?>" name="legal[<?= h($id) ?>]" value="1"<?= isset($old['legal'][$id]) ? ' checked' : '' ?><?= $legalError !== null ? ' aria-invalid="true" aria-describedby="legal-' . h($id) . '-erreur"' : '' ?>>
      <label for="legal-<?= h($id) ?>">Je suis le représentant légal de <?= h($p['prenom']) ?></label>
    </div>
<?php partial('field', ['id' => "date-$id", 'name' => "date[$id]", 'label' => 'Date de naissance de ' . $p['prenom'],
    'hint' => "JJ MM AAAA, par exemple 12\u{a0}03\u{a0}2014", 'value' => is_string($old['date'][$id] ?? null) ? $old['date'][$id] : '',
    'errors' => $errors, 'attrs' => 'inputmode="numeric" autocomplete="off"']) ?>
  </fieldset>
<?php endforeach ?>
<?php if (isset($errors['pupils'])): ?>
  <p class="error" id="pupils-erreur"><?= h($errors['pupils']) ?></p>
<?php endif ?>
  <button type="submit">Confirmer</button>
</form>
