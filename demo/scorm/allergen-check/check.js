/* Allergen check: a SCORM 2004 SCO written for the LMS Kit demo. It finds the LMS's API, restores
   the learner's answers (suspend_data) and question (location), records each answer as an
   interaction, and reports completion, score and success. */
(function () {
  var questions = [
    {
      id: 'gluten',
      text: 'A customer is coeliac. Which of these contains gluten?',
      choices: ['Rye bread', 'Meringue', 'Fruit salad'],
      answer: 0,
    },
    {
      id: 'unsure',
      text: 'You are not sure whether a cake contains nuts. What do you say?',
      choices: ['Probably not', 'Let me check the allergen chart', 'Nuts are only in the brownies'],
      answer: 1,
    },
    {
      id: 'tongs',
      text: 'What do you do between nut and nut-free products?',
      choices: ['Wipe the tongs on a cloth', 'Use separate, clean tongs', 'Nothing, if you are quick'],
      answer: 1,
    },
  ];

  function findApi(win) {
    for (var i = 0; win && i < 10; i++) {
      if (win.API_1484_11) return win.API_1484_11;
      if (win === win.parent) break;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window.parent) || (window.opener && findApi(window.opener));
  var get = function (name) {
    return api ? api.GetValue(name) : '';
  };
  var set = function (name, value) {
    if (api) api.SetValue(name, String(value));
  };

  if (api) api.Initialize('');
  var answers = {};
  try {
    answers = JSON.parse(get('cmi.suspend_data') || '{}');
  } catch {
    answers = {};
  }
  if (get('cmi.completion_status') === 'unknown' || get('cmi.completion_status') === 'not attempted')
    set('cmi.completion_status', 'incomplete');

  var form = document.getElementById('quiz');
  questions.forEach(function (question, index) {
    var fieldset = document.createElement('fieldset');
    var legend = document.createElement('legend');
    legend.textContent = index + 1 + '. ' + question.text;
    fieldset.appendChild(legend);
    question.choices.forEach(function (choice, choiceIndex) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = question.id;
      input.value = String(choiceIndex);
      input.checked = answers[question.id] === choiceIndex;
      input.addEventListener('change', function () {
        answer(question, index, choiceIndex);
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + choice));
      fieldset.appendChild(label);
    });
    form.appendChild(fieldset);
  });
  update();

  function answer(question, index, choiceIndex) {
    answers[question.id] = choiceIndex;
    var n = get('cmi.interactions._count') || '0';
    var base = 'cmi.interactions.' + n + '.';
    set(base + 'id', question.id);
    set(base + 'type', 'choice');
    set(base + 'description', question.text);
    set(base + 'correct_responses.0.pattern', String(question.answer));
    set(base + 'learner_response', String(choiceIndex));
    set(base + 'result', choiceIndex === question.answer ? 'correct' : 'incorrect');
    set('cmi.location', String(index));
    set('cmi.suspend_data', JSON.stringify(answers));
    update();
    if (api) api.Commit('');
  }

  function update() {
    var answered = questions.filter(function (q) {
      return answers[q.id] !== undefined;
    }).length;
    var correct = questions.filter(function (q) {
      return answers[q.id] === q.answer;
    }).length;
    document.getElementById('progress').textContent = answered + ' of ' + questions.length + ' answered';
    set('cmi.progress_measure', (answered / questions.length).toFixed(2));
    if (answered < questions.length) return;
    var scaled = correct / questions.length;
    set('cmi.score.raw', correct);
    set('cmi.score.min', 0);
    set('cmi.score.max', questions.length);
    set('cmi.score.scaled', scaled.toFixed(2));
    set('cmi.completion_status', 'completed');
    set('cmi.success_status', scaled >= 0.6 ? 'passed' : 'failed');
    document.getElementById('result').textContent =
      correct +
      ' of ' +
      questions.length +
      ' correct. ' +
      (scaled >= 0.6 ? 'Well done!' : 'Read the allergen chart again and have another go.');
  }

  window.addEventListener('pagehide', function () {
    if (!api) return;
    set('cmi.exit', get('cmi.completion_status') === 'completed' ? 'normal' : 'suspend');
    api.Terminate('');
  });
})();
