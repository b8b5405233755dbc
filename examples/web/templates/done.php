<?php /** @var string $login @var bool $already @var list<string> $pupils @var string $csrf */ ?>
<div class="success" role="status" id="confirmation">
<?php if ($already): ?>
  <p>Votre compte était déjà activé.</p>
<?php else: ?>
  <p>Votre compte est activé<?= $pupils !== [] ? ' pour ' . h(implode(', ', $pupils)) : '' ?>.</p>
<?php endif ?>
  <p>Votre identifiant&nbsp;: <strong id="identifiant"><?= h($login) ?></strong></p>
</div>
<p>Notez votre identifiant&nbsp;: il vous servira à chaque connexion, avec le mot de passe que vous avez choisi.</p>
<form method="post" action="/recommencer">
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
  <button type="submit" class="secondary">Terminer</button>
</form>
