import { expect, test } from './fixtures'
import { ConsultaPage } from './pages/consulta-page'

/* Issue #23 on Configurações → Privacidade: a CPF's report offers the phone seen with it, erased in the same act. */

test("Privacidade offers the phone a CPF's Data Trust answer names; ticked, its Alerta lookup is erased too", async ({
  app,
}) => {
  await app.open()
  await app.page.getByRole('tab', { name: 'Data Trust (ClearSale)' }).click()
  await app.page.locator('#dt-cpf').fill('529.982.247-25')
  await app.page.locator('#dt-phone').fill('(11) 98765-4321')
  await app.page.locator('#dt-email').fill('ana@example.com')
  await app.page.getByRole('button', { name: 'Enviar transação' }).click()
  await expect(app.page.getByTestId('dt-result')).toContainText('Transação DT')
  const consulta = new ConsultaPage(app.page)
  await consulta.alerts('(11) 98765-4321')
  await expect(consulta.alertsResult).toContainText('Eventos de (11) 98765-4321')

  await app.goTo('Configurações')
  const form = app.page.getByTestId('privacy-form')
  await form.getByLabel('CPF, celular ou e-mail do titular').fill('529.982.247-25')
  await form.getByRole('button', { name: 'Gerar relatório' }).click()
  const related = app.page.getByTestId('privacy-related')
  await expect(related).toContainText('Também vistos nesses registros')
  const phone = related.getByRole('checkbox', { name: 'Eliminar também: Celular (11) 98765-4321' })
  await expect(phone).not.toBeChecked()
  await expect(related.getByRole('checkbox', { name: 'Eliminar também: E-mail ana@example.com' })).toBeVisible()
  await phone.check()

  await app.page.getByTestId('privacy-report').getByRole('button', { name: 'Eliminar tudo' }).click()
  const confirm = app.page.getByRole('alertdialog', { name: 'Eliminar os dados do titular' })
  await expect(confirm).toContainText('Junto: tudo sobre 1 identificador marcado acima.')
  await confirm.getByRole('button', { name: 'Sim, eliminar' }).click()
  await expect(app.page.getByTestId('privacy-erased')).toBeVisible()

  await form.getByLabel('Identificar por').selectOption({ label: 'Celular' })
  await form.getByLabel('CPF, celular ou e-mail do titular').fill('(11) 98765-4321')
  await form.getByRole('button', { name: 'Gerar relatório' }).click()
  await expect(app.page.getByTestId('privacy-report')).toHaveText(/Nada guardado sobre \(11\) 98765-4321\./)
})
