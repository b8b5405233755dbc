<?php /** @var string $masked @var array $errors @var ?string $alert @var ?string $notice @var string $csrf */ ?>
<?php partial('messages', ['alert' => $alert, 'notice' => $notice, 'errors' => $errors]) ?>
<p>Saisissez le code à 6&nbsp;chiffres envoyé par SMS au <strong id="numero-masque"><?= h($masked) ?></strong>.
  Il est valable 30&nbsp;minutes.</p>
<form method="post" action="/code" novalidate>
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
<?php partial('field', ['id' => 'code', 'name' => 'code', 'label' => 'Code de sécurité', 'hint' => "6\u{a0}chiffres",
    'value' => '', 'errors' => $errors, 'attrs' => 'inputmode="numeric" autocomplete="one-time-code" maxlength="12" required']) ?>
  <button type="submit">Valider le code</button>
</form>
<form method="post" action="/code/nouveau">
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
  <button type="submit" class="secondary" id="nouveau-code">Recevoir un nouveau code</button>
</form>
<form method="post" action="/recommencer">
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
  <button type="submit" class="link">Recommencer</button>
</form>
