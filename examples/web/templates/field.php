<?php
/**
 * One text field with its label, hint and error, tied together for screen readers
 * (aria-describedby, aria-invalid). Variables: $id, $name, $label, $hint, $value, $errors, $attrs.
 */
$error = $errors[$id] ?? null;
$described = trim(($hint !== null ? "$id-aide " : '') . ($error !== null ? "$id-erreur" : ''));
?>
<div class="field<?= $error !== null ? ' has-error' : '' ?>">
  <label for="<?= h($id) ?>"><?= h($label) ?></label>
<?php if ($hint !== null): ?>
  <p class="hint" id="<?= h($id) ?>-aide"><?= h($hint) ?></p>
<?php endif ?>
<?php if ($error !== null): ?>
  <p class="error" id="<?= h($id) ?>-erreur"><?= h($error) ?></p>
<?php endif ?>
  <input id="<?= h($id) ?>" name="<?= h($name) ?>" value="<?= h($value) ?>"<?= $described !== '' ? ' aria-describedby="' . h($described) . '"' : '' ?><?= $error !== null ? ' aria-invalid="true"' : '' ?> <?= $attrs ?>>
</div>
