<?php /** @var ?array $fc @var array $old @var array $errors @var ?string $alert @var string $csrf */ ?>
<?php partial('messages', ['alert' => $alert, 'notice' => null, 'errors' => $errors]) ?>
<?php if ($fc === null): ?>
<p>Pour activer votre compte, indiquez votre identité telle que l’établissement la connaît, et le numéro de
  téléphone mobile que vous lui avez donné. Nous vous enverrons un code de sécurité par SMS.</p>
<form method="post" action="/identification" novalidate>
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
<?php partial('field', ['id' => 'nom', 'name' => 'nom', 'label' => 'Nom', 'hint' => 'Votre nom d’usage ou de naissance',
    'value' => $old['nom'], 'errors' => $errors, 'attrs' => 'autocomplete="family-name" required']) ?>
<?php partial('field', ['id' => 'prenom', 'name' => 'prenom', 'label' => 'Prénom', 'hint' => null,
    'value' => $old['prenom'], 'errors' => $errors, 'attrs' => 'autocomplete="given-name" required']) ?>
<?php partial('field', ['id' => 'mobile', 'name' => 'mobile', 'label' => 'Numéro de téléphone mobile',
    'hint' => "Par exemple\u{a0}: 06\u{a0}12\u{a0}34\u{a0}56\u{a0}78", 'value' => $old['mobile'], 'errors' => $errors,
    'attrs' => 'type="tel" autocomplete="tel" inputmode="tel" required']) ?>
  <button type="submit">Recevoir mon code par SMS</button>
</form>
<p class="or">ou</p>
<p><a class="button secondary" href="/franceconnect" id="franceconnect">S’identifier avec FranceConnect</a></p>
<?php else: ?>
<div class="fc-identity" id="identite-franceconnect">
  <p>Identité transmise par FranceConnect&nbsp;:</p>
  <p class="identity"><?= h($fc['given_name'] ?? '') ?> <?= h($fc['preferred_username'] ?? $fc['family_name'] ?? '') ?></p>
</div>
<p>Indiquez le numéro de téléphone mobile que vous avez donné à l’établissement. Nous vous enverrons un code de
  sécurité par SMS.</p>
<form method="post" action="/identification" novalidate>
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
<?php partial('field', ['id' => 'mobile', 'name' => 'mobile', 'label' => 'Numéro de téléphone mobile',
    'hint' => "Par exemple\u{a0}: 06\u{a0}12\u{a0}34\u{a0}56\u{a0}78", 'value' => $old['mobile'], 'errors' => $errors,
    'attrs' => 'type="tel" autocomplete="tel" inputmode="tel" required']) ?>
  <button type="submit">Recevoir mon code par SMS</button>
</form>
<form method="post" action="/recommencer">
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
  <button type="submit" class="link">Saisir mon identité moi-même</button>
</form>
<?php endif ?>
