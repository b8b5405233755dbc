<?php
/** @var array $checklist @var array $errors @var bool $partial @var list<string> $attachedNames @var string $csrf */
$n = count($attachedNames);
?>
<?php partial('messages', ['alert' => null, 'notice' => null, 'errors' => $errors]) ?>
<div class="notice" role="status" id="rattachement">
<?php if ($partial): ?>
  <p>Votre compte sera activé pour <?= $n ?>&nbsp;enfant<?= $n > 1 ? 's' : '' ?>&nbsp;: <?= h(implode(', ', $attachedNames)) ?>.
    Pour les autres enfants, contactez l’établissement.</p>
<?php else: ?>
  <p>Vos informations sont confirmées pour <?= h(implode(', ', $attachedNames)) ?>.</p>
<?php endif ?>
</div>
<p>Choisissez le mot de passe de votre compte.</p>
<form method="post" action="/mot-de-passe" novalidate id="password-form">
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
<?php partial('field', ['id' => 'password', 'name' => 'password', 'label' => 'Mot de passe',
    'hint' => 'Le mot de passe doit respecter les règles ci-dessous.', 'value' => '', 'errors' => $errors,
    'attrs' => 'type="password" autocomplete="new-password" aria-controls="checklist" required']) ?>
  <div id="checklist-box">
    <p id="checklist-title">Votre mot de passe doit contenir&nbsp;:</p>
    <ul id="checklist" aria-labelledby="checklist-title" aria-live="polite">
<?php foreach ($checklist['rules'] as $r): ?>
      <li data-rule="<?= h($r['rule']) ?>" class="<?= $r['ok'] ? 'ok' : 'ko' ?>"><span class="mark" aria-hidden="true"><?= $r['ok'] ? '✓' : '✗' ?></span>
        <span class="label"><?= h($r['text']) ?></span><span class="sr-only state"><?= $r['ok'] ? '&nbsp;: respectée' : '&nbsp;: pas encore respectée' ?></span></li>
<?php endforeach ?>
    </ul>
    <p id="unaccepted" aria-live="polite"<?= $checklist['unaccepted'] === null ? ' hidden' : '' ?>><?= h($checklist['unaccepted'] ?? '') ?></p>
    <p id="meter-box">Robustesse&nbsp;: <meter id="meter" min="0" max="4" low="2" high="3" optimum="4" value="<?= (int) $checklist['score'] ?>"></meter>
      <strong id="meter-label" aria-live="polite"><?= h($checklist['label']) ?></strong></p>
    <ul id="advice" aria-live="polite">
<?php foreach ($checklist['advice'] as $a): ?>
      <li><?= h($a) ?></li>
<?php endforeach ?>
    </ul>
  </div>
<?php partial('field', ['id' => 'password_confirm', 'name' => 'password_confirm', 'label' => 'Confirmation du mot de passe',
    'hint' => 'Saisissez le même mot de passe une seconde fois.', 'value' => '', 'errors' => $errors,
    'attrs' => 'type="password" autocomplete="new-password" required']) ?>
  <button type="submit">Activer mon compte</button>
</form>
