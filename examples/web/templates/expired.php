<div class="alert" role="alert"><p>Votre session a expiré ou la page n’est plus valable. <a href="/">Recommencez</a>.</p></div>
