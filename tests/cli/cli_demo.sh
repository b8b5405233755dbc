# Sourced by tests/cli/run.sh: `sesame demo` runs to completion and its key lines are there.
check demo 0 "$bin" demo
expect demo-shared-phone 'Responsable identifié : G01'
expect demo-overseas '\+262692123456 \(RE, \+262 692 12 34 56\)'
expect demo-masked 'SMS envoyé au \+33 6 •• •• •• 78 : « Votre code de sécurité ENT : [0-9]{6} \(valable 30 min\) »'
expect demo-wrong-code 'code erroné, essais restants : 4 \(wrong_code\)'
expect demo-right-code 'code accepté \(ok\)'
expect demo-activated 'Décision : activated \(reason ok, detail null, pupils \["P01","P02"\]\)'
expect demo-weak-context '"Lucas2014!" : .*valide ; Force [01]/4'
expect demo-azerty '"azerty" : .*refusé ; Force 0/4'
expect demo-strong 'Force 4/4 « très fort »'
expect demo-nfd 'Confirmation .* : identiques'
expect demo-hash '\$argon2id\$v=19\$m=[0-9]+,t=[0-9]+,p=1\$… \(verify: ok\)'
expect demo-login 'Votre identifiant : h\.lefevre[0-9]{2}'
expect demo-29-feb 'Décision : partial \(reason birthdate_mismatch, detail "date_differs", pupils \["P03"\]\)'
expect demo-grandmother 'Décision : rejected \(reason not_legal_guardian, detail "no_legal_link", pupils \[\]\)'
expect demo-end 'Fin de la démonstration'
check demo-en 0 "$bin" demo --lang en
expect demo-en-title 'the parent-account activation walk'
expect demo-en-code 'wrong code, attempts left: 4'
check demo-bad-arg 2 "$bin" demo --lang de
